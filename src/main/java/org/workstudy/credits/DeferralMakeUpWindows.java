package org.workstudy.credits;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workstudy.hours.MakeUpWindows;

/**
 * The make-up periods the hours module asks for: from the day a student was put on the deferred list to the day
 * they were released (open while they are still deferred).
 */
@Component
class DeferralMakeUpWindows implements MakeUpWindows {

    private final DeferralStore store;

    DeferralMakeUpWindows(DeferralStore store) {
        this.store = store;
    }

    @Override
    public Optional<Period> periodOf(long studentId) {
        return store.ofStudent(studentId).map(DeferralMakeUpWindows::period);
    }

    @Override
    public Map<Long, Period> periodsOf(Collection<Long> studentIds) {
        Map<Long, Period> out = new HashMap<>();
        store.ofStudents(studentIds).forEach((id, d) -> out.put(id, period(d)));
        return out;
    }

    private static Period period(DeferralStanding d) {
        return new Period(d.deferredOn(), d.releasedOn());
    }
}
