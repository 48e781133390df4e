package org.workstudy.policy.internal;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.shared.Decimals;

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
        return new PolicyForm(String.valueOf(fromCohort), fromCohort, v.courseName(), Decimals.stripped(v.credits()),
                Decimals.stripped(v.requiredHours()), Decimals.stripped(v.hoursPerDay()), v.semesterWindow(), v.homeCity(),
                Decimals.stripped(v.offsetHoursPerCredit()), v.partialOffsetAllowed(), v.noticeWorkingDays(), v.eveningFrom(),
                Decimals.stripped(v.capDayHours()), Decimals.stripped(v.capTermWeekHours()), Decimals.stripped(v.capTermMonthHours()), null);
    }

    /** 360.00 as 360 (not 3.6E+2), for the form's inputs. */}
