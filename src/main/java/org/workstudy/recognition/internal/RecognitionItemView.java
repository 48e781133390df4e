package org.workstudy.recognition.internal;

import java.math.BigDecimal;
import org.workstudy.credits.RecognitionBasis;

/** A student on a submitted list, as snapshotted at submission; withdrawn after an upheld objection. */
public record RecognitionItemView(long studentId, String studentNo, String name, String className,
        RecognitionBasis basis, BigDecimal hours, BigDecimal offsetHours, boolean withdrawn, String answer) {
}
