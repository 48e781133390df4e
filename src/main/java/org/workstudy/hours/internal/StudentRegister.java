package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A student's register (登记本) as it prints: the header block, every entry in the order of the work (corrections
 * and voids below what they amend), and the totals of the counted hours in hours, days ({@code hoursPerDay} hours a
 * day, one decimal) and the share of the required hours. {@code classHistory} holds the student's 学籍异动 (oldest
 * first): a student who changed class keeps every hour, and the register says which classes they were in.
 */
public record StudentRegister(long studentId, String studentNo, String name, long classId, String className,
        String collegeName, String enrolmentTerm, List<RegisterLine> lines, BigDecimal hours, BigDecimal days,
        BigDecimal sharePercent, BigDecimal requiredHours, BigDecimal hoursPerDay, BigDecimal waitingHours,
        boolean completed, LocalDate printedOn, List<org.workstudy.organization.StatusChange> classHistory) {

    public StudentRegister {
        lines = List.copyOf(lines);
        classHistory = classHistory == null ? List.of() : List.copyOf(classHistory);
    }

    /** The changes (学籍异动) that moved the student into another class: every hour stays in this register. */
    public List<org.workstudy.organization.StatusChange> classMoves() {
        return classHistory.stream().filter(c -> c.fromClassId() != c.toClassId()).toList();
    }

    /** The number of records (originals; their corrections and voids are not counted again). */
    public long records() {
        return lines.stream().filter(l -> !l.followUp()).count();
    }
}
