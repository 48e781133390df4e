package org.workstudy.hours;

import java.math.BigDecimal;

/**
 * An entry started to count: confirmed by the employer or counselor, or written by someone whose records count at
 * once (a counselor, or an employer when no counselor confirmation is required), including corrections. Listeners
 * that keep totals should re-read {@link HoursLedger#progress} rather than add {@code hours}: a correction replaces
 * the hours of the entry it corrects. A batch ({@link HoursLedger#recordAll}) announces once, with one of these per
 * student: see {@link HoursConfirmedBatch}.
 */
public record HoursConfirmed(long entryId, long studentId, BigDecimal hours) {
}
