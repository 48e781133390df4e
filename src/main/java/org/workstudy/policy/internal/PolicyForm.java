package org.workstudy.policy.internal;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.workstudy.policy.PolicyVersion;

/**
 * A new policy version as the administrator enters it: every setting of DESIGN section 2. Boxed types, so that a
 * field left empty arrives as null and is refused with its name.
 */
public record PolicyForm(String name, Integer fromCohort, String courseName, BigDecimal credits,
        BigDecimal requiredHours, BigDecimal hoursPerDay, Integer semesterWindow, String homeCity,
        BigDecimal offsetHoursPerCredit, Boolean partialOffsetAllowed, Integer noticeWorkingDays,
        @DateTimeFormat(pattern = "HH:mm") LocalTime eveningFrom, BigDecimal capDayHours,
        BigDecimal capTermWeekHours, BigDecimal capTermMonthHours, String note) {

    /** A form with the numbers of {@code v}, for a version starting at {@code fromCohort}. */
    public static PolicyForm copyOf(PolicyVersion v, int fromCohort) {
        return new PolicyForm(String.valueOf(fromCohort), fromCohort, v.courseName(), plain(v.credits()),
                plain(v.requiredHours()), plain(v.hoursPerDay()), v.semesterWindow(), v.homeCity(),
                plain(v.offsetHoursPerCredit()), v.partialOffsetAllowed(), v.noticeWorkingDays(), v.eveningFrom(),
                plain(v.capDayHours()), plain(v.capTermWeekHours()), plain(v.capTermMonthHours()), null);
    }

    /** 360.00 as 360 (not 3.6E+2), for the form's inputs. */
    private static BigDecimal plain(BigDecimal n) {
        return new BigDecimal(n.stripTrailingZeros().toPlainString());
    }
}
