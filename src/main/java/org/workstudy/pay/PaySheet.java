package org.workstudy.pay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A month's pay sheet of an employer, with its lines and totals; bank cards masked unless asked for by finance. */
public record PaySheet(long id, long employerId, String employerName, LocalDate month, Funding funding,
        SheetStatus status, String confirmedBy, Instant confirmedAt, String frozenBy, Instant frozenAt,
        List<PayLine> lines, BigDecimal totalHours, BigDecimal totalAmount) {

    /** One line: a student's hours on a position in the month, or an adjustment of an earlier month. */
    public record PayLine(long id, String kind, LocalDate workMonth, long studentId, String studentNo, String studentName,
            String collegeName, String bankCard, long positionId, String positionTitle, BigDecimal hours,
            BigDecimal paidHours, BigDecimal rate, BigDecimal amount, String basis) {
    }

    /** The month as 2026-11. */
    public String monthText() {
        return month.toString().substring(0, 7);
    }
}
