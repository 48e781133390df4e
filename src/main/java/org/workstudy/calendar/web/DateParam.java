package org.workstudy.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.workstudy.shared.BusinessException;

/** Dates typed by people (pages) or sent by programs (API): ISO yyyy-MM-dd, or a clear error. */
public final class DateParam {

    private DateParam() {
    }

    /** The date, or null for blank input; anything else that is not a date is a business error. */
    public static LocalDate parseOptional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("calendar.date.invalid", text);
        }
    }

    /** The date when the text is one, else empty: for finding the way back to a page, never for taking input. */
    public static Optional<LocalDate> read(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static LocalDate parse(String text) {
        LocalDate date = parseOptional(text);
        if (date == null) {
            throw BusinessException.invalid("calendar.date.required");
        }
        return date;
    }
}
