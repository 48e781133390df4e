package org.workstudy.statistics.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.workstudy.hours.SourceKind;
import org.workstudy.shared.BusinessException;

/**
 * Which students a figure stands for, on top of the filter: a standing ({@code all}, {@code completed},
 * {@code not-completed}, {@code on-track}, {@code behind}, {@code at-risk}), hours in a month and/or kind of time
 * and/or source, or a credit fact ({@code exempt}, {@code offset}, {@code recognised}, {@code deferred},
 * {@code released}); {@code yearHours}: students with counted hours in the academic year. Unknown values are refused naming the field.
 */
public record StudentDrill(String standing, String month, TimeOfWork time, SourceKind source, String credit,
        boolean yearHours) {

    static final Set<String> STANDINGS = Set.of("all", "completed", "not-completed", "on-track", "behind", "at-risk");
    static final Set<String> CREDITS = Set.of("exempt", "offset", "recognised", "deferred", "released");

    public StudentDrill {
        standing = standing == null || standing.isBlank() ? "all" : standing.trim();
        if (!STANDINGS.contains(standing)) {
            throw BusinessException.invalid("stats.drill.standing", standing).field("standing");
        }
        month = month == null || month.isBlank() ? null : month.trim();
        if (month != null) {
            try {
                YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw BusinessException.invalid("stats.drill.month", month).field("month");
            }
        }
        credit = credit == null || credit.isBlank() ? null : credit.trim();
        if (credit != null && !CREDITS.contains(credit)) {
            throw BusinessException.invalid("stats.drill.credit", credit).field("credit");
        }
    }

    public static StudentDrill all() {
        return new StudentDrill(null, null, null, null, null, false);
    }

    /** Whether the list is about hours (then it shows the hours of the cell). */
    public boolean aboutHours() {
        return yearHours || month != null || time != null || source != null;
    }
}
