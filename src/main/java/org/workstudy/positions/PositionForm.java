package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user enters for a position. The application window is local time of the school's zone (Asia/Shanghai);
 * empty {@code eligibleCollegeIds} or {@code eligibleCohorts} mean "all".
 */
public record PositionForm(BankKind bank, Long bankCollegeId, Long employerId, String title, String description,
        PositionType type, Set<TimeKind> timeKinds, String place, String city, Integer capacity,
        BigDecimal hoursPerShift, BigDecimal hourlyPay,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workTo,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
        Set<Long> eligibleCollegeIds, Set<Integer> eligibleCohorts, SelectionMode selectionMode,
        String safetyNotes) {

    public PositionForm {
        timeKinds = timeKinds == null ? Set.of() : new TreeSet<>(timeKinds);
        eligibleCollegeIds = eligibleCollegeIds == null ? Set.of() : new TreeSet<>(eligibleCollegeIds);
        eligibleCohorts = eligibleCohorts == null ? Set.of() : new TreeSet<>(eligibleCohorts);
    }

    public static PositionForm of(PositionView p, ZoneId zone) {
        return new PositionForm(p.bank(), p.bankCollegeId(), p.employerId(), p.title(), p.description(),
                PositionType.valueOf(p.type()), p.timeKinds(), p.place(), p.divisionCode() != null ? p.divisionCode() : p.city(), p.capacity(), p.hoursPerShift(),
                p.hourlyPay(), p.workFrom(), p.workTo(), LocalDateTime.ofInstant(p.opensAt(), zone),
                LocalDateTime.ofInstant(p.closesAt(), zone), p.eligibleCollegeIds(), p.eligibleCohorts(),
                p.selectionMode(), p.safetyNotes());
    }

    PositionForm withBank(BankKind newBank, Long newCollegeId) {
        return new PositionForm(newBank, newCollegeId, employerId, title, description, type, timeKinds, place, city,
                capacity, hoursPerShift, hourlyPay, workFrom, workTo, opensAt, closesAt, eligibleCollegeIds,
                eligibleCohorts, selectionMode, safetyNotes);
    }

    PositionForm withCity(String newCity) {
        return new PositionForm(bank, bankCollegeId, employerId, title, description, type, timeKinds, place, newCity,
                capacity, hoursPerShift, hourlyPay, workFrom, workTo, opensAt, closesAt, eligibleCollegeIds,
                eligibleCohorts, selectionMode, safetyNotes);
    }
}
