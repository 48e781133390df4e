package org.workstudy.calendar.internal;

import java.time.LocalDate;

/** A term to create ({@code id} null) or update. The code is text as typed, like 2024-2025-1. */
public record TermForm(Long id, String code, LocalDate startsOn, LocalDate endsOn) {
}
