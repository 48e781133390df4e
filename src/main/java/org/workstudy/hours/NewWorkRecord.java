package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Hours worked on one date, to be recorded. Give the start and end time (then {@code hours} may be empty: it is the
 * time between them, or less when a break is not counted), or only the hours (not on a term-time weekday: evening
 * work needs a start time). {@code sourceId} is the placement id for {@link SourceKind#PLACEMENT} and the
 * registration id for {@link SourceKind#SELF_ARRANGED}.
 */
public record NewWorkRecord(long studentId, SourceKind sourceKind, long sourceId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workDate,
        @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt, @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
        BigDecimal hours, String content) {
}
