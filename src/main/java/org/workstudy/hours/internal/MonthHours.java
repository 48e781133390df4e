package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Counted hours worked in a month, and the running total up to the end of it. */
public record MonthHours(YearMonth month, BigDecimal hours, BigDecimal cumulative) {
}
