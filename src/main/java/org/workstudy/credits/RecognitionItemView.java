package org.workstudy.credits;

import java.math.BigDecimal;

/** A student on a submitted list, as snapshotted at submission; withdrawn after an upheld objection. */
public record RecognitionItemView(long studentId, String studentNo, String name, String className,
        RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours, boolean withdrawn, String answer) {
}
