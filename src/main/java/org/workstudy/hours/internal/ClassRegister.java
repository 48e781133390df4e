package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The register of every student of a class, in 学号 order, with the class's totals. */
public record ClassRegister(long classId, String className, String collegeName, int cohort,
        List<StudentRegister> students, BigDecimal requiredHours, BigDecimal hoursPerDay, LocalDate printedOn) {

    public ClassRegister {
        students = List.copyOf(students);
    }

    public BigDecimal totalHours() {
        return students.stream().map(StudentRegister::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long completed() {
        return students.stream().filter(StudentRegister::completed).count();
    }
}
