package org.workstudy.placements.internal;

import java.time.Instant;

import org.workstudy.placements.SelfArrangedView;

/**
 * A registration as the pages and the API show it to those who may see it: the work, the student, the contact, and
 * whether it waits for the reader.
 *
 * @param expired out of the home city and not approved by the vice dean by the start date: it can no longer count
 * @param certificateName the file name of the current certificate, or null
 */
public record SelfArrangedRow(SelfArrangedView work, String studentNo, String studentName, String className,
        String contactPerson, String contactPhone, Instant createdAt, boolean expired, String certificateName,
        Instant certificateUploadedAt, String lastReason) {
}
