package org.workstudy.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;

/**
 * One version of the policy, applying to cohorts from {@code fromCohort} until the next version's first cohort
 * ({@code toCohort}, inclusive; null while it is the newest). {@code offsetHoursPerCredit}: the hours one
 * quality-development credit offsets (default 180, so 2 credits offset the whole 360 hours). {@code homeDivision}: the
 * home city's division code (厦门市 350200; null only for a version whose free-text city no division matched);
 * {@code homeCity} its name.
 */
public record PolicyVersion(long id, int fromCohort, Integer toCohort, String name, String courseName,
        BigDecimal credits, BigDecimal requiredHours, BigDecimal hoursPerDay, int semesterWindow, String homeCity,
        BigDecimal offsetHoursPerCredit, boolean partialOffsetAllowed, int noticeWorkingDays, LocalTime eveningFrom,
        BigDecimal capDayHours, BigDecimal capTermWeekHours, BigDecimal capTermMonthHours, String note,
        String createdBy, Instant createdAt, String homeDivision) {

    /** Whether the version applies to the cohort (年级, the year of enrolment). */
    public boolean covers(int cohort) {
        return cohort >= fromCohort && (toCohort == null || cohort <= toCohort);
    }

    /** The required hours as days of {@code hoursPerDay} (360 / 6 = 60). */
    public BigDecimal requiredDays() {
        return requiredHours.divide(hoursPerDay, 1, RoundingMode.DOWN);
    }
}
