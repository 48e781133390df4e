package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A student's register (登记本) as it prints: the header block, every entry in the order of the work (corrections
 * and voids below what they amend), and the totals of the counted hours in hours, days ({@code hoursPerDay} hours a
 * day, one decimal) and the share of the required hours.
 */
public record StudentRegister(long studentId, String studentNo, String name, long classId, String className,
        String collegeName, String enrolmentTerm, List<RegisterLine> lines, BigDecimal hours, BigDecimal days,
        BigDecimal sharePercent, BigDecimal requiredHours, BigDecimal hoursPerDay, BigDecimal waitingHours,
        boolean completed, LocalDate printedOn) {

    public StudentRegister {
        lines = List.copyOf(lines);
    }

    /** The number of records (originals; their corrections and voids are not counted again). */
    public long records() {
        return lines.stream().filter(l -> !l.followUp()).count();
    }
}
