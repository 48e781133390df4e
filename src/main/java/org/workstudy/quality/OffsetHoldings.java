package org.workstudy.quality;

import java.math.BigDecimal;

/**
 * The quality-development credits a student's live offsets hold. Implemented by the exemptions module, which owns
 * offsets and knows which of their states hold credits; quality subtracts them from what was imported.
 */
public interface OffsetHoldings {

    /** The credits held by the student's live offsets (zero when none). */
    BigDecimal heldBy(long studentId);
}
