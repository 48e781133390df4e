package org.workstudy.quality.internal;

import java.time.Instant;

/** One import of quality-development credits: its file, how many rows (of the reader's scope), who, when. */
public record QualityImportBatch(long id, String fileName, int rows, String importedBy, Instant importedAt) {
}
