package org.workstudy.exemptions.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An evidence file of an application; {@code content} only when the file itself is asked for. */
public record ExemptionEvidence(long id, long exemptionId, String fileName, String contentType, int sizeBytes,
        Instant uploadedAt, @JsonIgnore byte[] content) {
}
