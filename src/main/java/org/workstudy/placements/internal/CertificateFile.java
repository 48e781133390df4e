package org.workstudy.placements.internal;

import java.time.Instant;

/** The employer's certificate of a self-arranged work, as uploaded. */
public record CertificateFile(long id, long workId, String fileName, String contentType, int sizeBytes,
        Instant uploadedAt, String uploadedBy, byte[] content) {
}
