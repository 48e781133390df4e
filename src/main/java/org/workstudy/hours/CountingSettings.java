package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.workstudy.policy.PolicyVersion;

/**
 * The counting rules' numbers (DESIGN section 2, RULES-NATIONAL). They come from the policy version of the student's
 * cohort ({@link #of}, see {@link CohortSettings}); only {@code counselorConfirmsEmployer} is a setting
 * ({@code workstudy.hours.counselor-confirms-employer=true}), not a policy number.
 */
public record CountingSettings(int semesterWindow, LocalTime eveningFrom, BigDecimal dayHours,
        BigDecimal termWeekHours, BigDecimal termMonthHours, BigDecimal hoursPerDay, BigDecimal requiredHours,
        boolean counselorConfirmsEmployer) {

    /** The numbers of the 2016 policy (the seeded version), for tests of the pure rules. */
    public static CountingSettings defaults() {
        return new CountingSettings(5, LocalTime.of(18, 0), new BigDecimal("10"), new BigDecimal("8"),
                new BigDecimal("40"), new BigDecimal("6"), new BigDecimal("360"), true);
    }

    /** The numbers of a policy version. */
    public static CountingSettings of(PolicyVersion v, boolean counselorConfirmsEmployer) {
        return new CountingSettings(v.semesterWindow(), v.eveningFrom(), v.capDayHours(), v.capTermWeekHours(),
                v.capTermMonthHours(), v.hoursPerDay(), v.requiredHours(), counselorConfirmsEmployer);
    }
}
