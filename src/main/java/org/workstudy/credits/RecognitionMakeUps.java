package org.workstudy.credits;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The hook for make-up (补修) after deferred graduation: implemented by the graduation audit, it answers which of
 * these students were released from deferred graduation, with their hours including the make-up. Those students
 * qualify for recognition on the basis MAKE_UP. Without an implementation nobody qualifies on it.
 */
public interface RecognitionMakeUps {

    Map<Long, BigDecimal> releasedHours(Collection<Long> studentIds);
}
