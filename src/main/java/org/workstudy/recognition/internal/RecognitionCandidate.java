package org.workstudy.recognition.internal;

import java.math.BigDecimal;
import org.workstudy.credits.RecognitionBasis;

/**
 * A student of a proposal with their assessment: {@code basis} null means they do not qualify yet and
 * {@code missing} says by how many hours.
 */
public record RecognitionCandidate(long studentId, String studentNo, String name, long classId, String className,
        RecognitionBasis basis, BigDecimal counted, BigDecimal offsetHours, BigDecimal missing) {

    public boolean qualifies() {
        return basis != null;
    }
}
