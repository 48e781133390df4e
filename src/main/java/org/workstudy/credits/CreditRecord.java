package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The final record of a student's recognised work-study course; {@code offsetHours} only for an offset. */
public record CreditRecord(long id, long studentId, Long recognitionId, String courseName, BigDecimal credits,
        String termCode, LocalDate recognisedOn, RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours,
        String verificationCode) {
}
