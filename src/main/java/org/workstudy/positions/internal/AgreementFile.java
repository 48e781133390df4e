package org.workstudy.positions.internal;

import java.time.Instant;
import java.time.LocalDate;

/** An uploaded tripartite agreement (三方协议) with its content. */
public record AgreementFile(long id, long employerId, String fileName, String contentType, int sizeBytes,
        LocalDate expiresOn, Instant uploadedAt, String uploadedBy, byte[] content) {
}
