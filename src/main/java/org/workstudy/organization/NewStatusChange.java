package org.workstudy.organization;

import java.time.LocalDate;

/**
 * A 学籍异动 to record: the student (by id, or by student number in an import), its kind, the day it takes effect,
 * for 休学 the planned last day ({@code untilOn}), for a change into a class the class ({@code toClassId}), and why.
 */
public record NewStatusChange(long studentId, StatusChangeKind kind, LocalDate effectiveOn, LocalDate untilOn,
        Long toClassId, String reason) {
}
