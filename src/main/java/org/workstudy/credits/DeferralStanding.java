package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A student on the deferred graduation list (暂缓毕业): deferred on {@code deferredOn} with {@code deficitHours}
 * missing; released on {@code releasedOn} (null while still making up) with {@code makeUpHoursAtRelease} of make-up
 * (补修) counted then.
 */
public record DeferralStanding(long deferralId, long studentId, int cohort, LocalDate deferredOn,
        BigDecimal deficitHours, String deferredBy, LocalDate releasedOn, BigDecimal makeUpHoursAtRelease) {

    public boolean released() {
        return releasedOn != null;
    }
}
