package org.workstudy.credits;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.workstudy.hours.HoursConfirmed;
import org.workstudy.hours.HoursConfirmedBatch;

/**
 * Releases a deferred student as soon as hours that complete their make-up count. The hours module publishes
 * {@link HoursConfirmed} for every entry that starts to count when it is written or confirmed (counselor records and
 * corrections at once, reports once confirmed, out-of-city work when its certificate is verified) and
 * {@link HoursConfirmedBatch} for a batch. Scenarios: {@code DeferralReleaseScenarioTest}.
 */
@Component
class DeferralReleases {

    static final String SYSTEM = "system";

    private final GraduationAudit audit;

    DeferralReleases(GraduationAudit audit) {
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(HoursConfirmed event) {
        audit.releaseIfMadeUp(event.studentId(), SYSTEM, SYSTEM);
    }

    /** A batch: the deferred among its students are found in one query (usually none). */
    @ApplicationModuleListener
    void on(HoursConfirmedBatch event) {
        audit.releaseAllIfMadeUp(event.studentIds(), SYSTEM, SYSTEM);
    }
}
