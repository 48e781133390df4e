package org.workstudy.hours;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Make-up (补修) after deferred graduation (暂缓毕业), implemented by the module that keeps the deferred list
 * (credits): a deferred student's work dated after the semester window counts as make-up within their period,
 * from the day they were deferred until the day they were released (open while they are still deferred). The other
 * counting rules still apply to make-up work (outside class time, sources, overlaps, caps): a deferred student is
 * usually still enrolled, and the policy asks for the same kind of work. Optional bean: without it nobody makes up.
 */
public interface MakeUpWindows {

    /** The make-up period of a deferred (or released) student; empty for everyone else. */
    Optional<Period> periodOf(long studentId);

    /** The periods of many students at once (only those that have one). */
    default Map<Long, Period> periodsOf(Collection<Long> studentIds) {
        Map<Long, Period> out = new HashMap<>();
        studentIds.forEach(id -> periodOf(id).ifPresent(p -> out.put(id, p)));
        return out;
    }

    /** [from, until], both inclusive; {@code until} null while the student is still deferred. */
    record Period(LocalDate from, LocalDate until) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || !date.isAfter(until));
        }
    }
}
