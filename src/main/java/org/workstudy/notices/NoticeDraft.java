package org.workstudy.notices;

import java.util.List;

/**
 * A notice to publish. {@code subjectId}: the record the whole list belongs to (a recognition), or null for a list
 * of separate records (exemptions). {@code collegeId} null: the whole school reads it; {@code cohort} null: every
 * cohort of that college. {@code workingDays}: the policy's notice period.
 */
public record NoticeDraft(NoticeKind kind, Long subjectId, String title, Long collegeId, Integer cohort,
        int workingDays, List<NoticeItem> items) {

    public NoticeDraft {
        items = List.copyOf(items);
    }
}
