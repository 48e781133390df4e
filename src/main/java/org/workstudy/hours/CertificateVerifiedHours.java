package org.workstudy.hours;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.workstudy.placements.SelfArrangedVerified;

/**
 * Hours written for out-of-city work before its certificate was verified start to count at the verification: the
 * ledger announces them then, so that listeners (a deferred student's release) need no manual recheck.
 */
@Component
class CertificateVerifiedHours {

    private final HoursLedger ledger;

    CertificateVerifiedHours(HoursLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(SelfArrangedVerified event) {
        ledger.certificateVerified(event.registrationId(), event.studentId());
    }
}
