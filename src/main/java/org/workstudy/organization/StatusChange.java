package org.workstudy.organization;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded 学籍异动, with the classes (names) before and after, and who entered it when. */
public record StatusChange(long id, long studentId, String studentNo, String studentName, StatusChangeKind kind, LocalDate effectiveOn, LocalDate untilOn,
        long fromClassId, String fromClassName, long toClassId, String toClassName, StudentStatus statusBefore,
        StudentStatus statusAfter, String reason, String recordedByName, Instant recordedAt) {
}
