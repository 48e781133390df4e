package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What other modules need to know of a position. {@code bankCollegeId} is null for the school bank; empty
 * {@code eligibleCollegeIds} or {@code eligibleCohorts} mean "all"; {@code type} is FIXED, TEMPORARY or PROJECT.
 */
public record PositionView(long id, BankKind bank, Long bankCollegeId, long employerId, String employerName,
        boolean onCampus, String title, String description, String type, Set<TimeKind> timeKinds,
        String place, String city, int capacity, BigDecimal hoursPerShift, BigDecimal hourlyPay,
        LocalDate workFrom, LocalDate workTo, Instant opensAt, Instant closesAt,
        Set<Long> eligibleCollegeIds, Set<Integer> eligibleCohorts, SelectionMode selectionMode,
        String safetyNotes, PositionStatus status, String divisionCode) {

    public PositionView {
        timeKinds = timeKinds == null || timeKinds.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(timeKinds));
        eligibleCollegeIds = eligibleCollegeIds == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(eligibleCollegeIds));
        eligibleCohorts = eligibleCohorts == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(eligibleCohorts));
    }

    /** Whether applications are taken at this instant: published, from opensAt up to (not including) closesAt. */
    public boolean openAt(Instant now) {
        return status == PositionStatus.PUBLISHED && opensAt != null && closesAt != null
                && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Whether a student of this college and cohort may apply. */
    public boolean admits(long collegeId, int cohort) {
        return (eligibleCollegeIds.isEmpty() || eligibleCollegeIds.contains(collegeId))
                && (eligibleCohorts.isEmpty() || eligibleCohorts.contains(cohort));
    }
}
