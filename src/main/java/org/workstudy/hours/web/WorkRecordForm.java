package org.workstudy.hours.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.SourceKind;
import org.workstudy.shared.BusinessException;

/** The "record hours" form: the source as {@code KIND:id}, the date, times or hours, and what was done. */
record WorkRecordForm(String source, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workDate,
        @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt, @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
        BigDecimal hours, String content, String reason) implements Serializable {

    static WorkRecordForm empty() {
        return new WorkRecordForm(null, null, null, null, null, null, null);
    }

    NewWorkRecord toRecord(long studentId) {
        if (source == null || !source.matches("(PLACEMENT|SELF_ARRANGED):\\d{1,18}")) {
            throw BusinessException.invalid("hours.source.required");
        }
        String[] parts = source.split(":");
        return new NewWorkRecord(studentId, SourceKind.valueOf(parts[0]), Long.parseLong(parts[1]), workDate,
                startsAt, endsAt, hours, content);
    }
}
