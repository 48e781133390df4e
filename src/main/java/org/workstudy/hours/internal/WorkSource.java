package org.workstudy.hours.internal;

import java.time.LocalDate;

import org.workstudy.hours.SourceKind;

/** Something a student's hours can be recorded for: a placement or an approved self-arranged registration. */
public record WorkSource(SourceKind kind, long id, String title, String employerName, String place, LocalDate from,
        LocalDate to, boolean evening, boolean active) {
}
