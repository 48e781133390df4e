package org.workstudy.notices;

import java.time.LocalDate;

/**
 * A notice as the board lists it, seen on one day. {@code startsOn}/{@code endsOn}: its first and last working day;
 * {@code workingDaysLeft}: from that day on (0 once ended); {@code finalOn}: null until final; {@code withdrawn}: items
 * taken off by upheld objections; {@code collegeName} null for a school-wide notice.
 */
public record NoticeSummary(long id, NoticeKind kind, Long subjectId, String title, Long collegeId,
        String collegeName, Integer cohort, int workingDays, LocalDate publishedOn, LocalDate startsOn,
        LocalDate endsOn, int workingDaysLeft, NoticeStatus status, LocalDate finalOn, int items, int withdrawn,
        int openObjections) {

    public boolean running() {
        return status == NoticeStatus.RUNNING;
    }
}
