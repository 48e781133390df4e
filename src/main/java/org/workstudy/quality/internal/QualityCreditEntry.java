package org.workstudy.quality.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** One imported value of a student's quality-development credits: which import, the value, who imported it, when. */
public record QualityCreditEntry(long importId, BigDecimal credits, String note, String fileName, String importedBy,
        Instant importedAt) {
}
