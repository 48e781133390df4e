package org.workstudy.placements;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Student;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.UploadedFiles;

/**
 * The employer's certificate: uploaded by the student, accepted or rejected by the counselor of their class. An
 * accepted certificate is announced ({@link SelfArrangedVerified}) for hours to count the work.
 */
@Component
class SelfArrangedCertificates {

    private final SelfArrangedStore store;
    private final SelfArrangedLifecycle lifecycle;
    private final DataScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxCertificateBytes;

    SelfArrangedCertificates(SelfArrangedStore store, SelfArrangedLifecycle lifecycle, DataScope scope,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            @Value("${workstudy.self-arranged.certificate-max-bytes:10485760}") long maxCertificateBytes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.maxCertificateBytes = maxCertificateBytes;
    }

    /** See {@link SelfArrangedWork#uploadCertificate}. */
    @Transactional
    void uploadCertificate(CurrentUser user, long id, String filename, byte[] content) {
        Student student = lifecycle.studentOf(user);
        SelfArrangedRegistration row = lifecycle.lockOwn(student, id);
        SelfArrangedStatus next = row.certificateUploaded();
        String type = UploadedFiles.check(content, maxCertificateBytes, "selfwork.certificate");
        String name = UploadedFiles.safeName(filename, type, "certificate");
        long certificateId = store.insertCertificate(id, name, type, content, user.username(), now());
        audit.record("self-arranged-work", id, "certificate", Map.of("certificateId", certificateId,
                "fileName", name, "contentType", type, "sizeBytes", content.length));
        lifecycle.setStatus(row, next, "certificate-uploaded", user.username(), null, null, null, null);
        lifecycle.notifyCounselors(student, "selfwork.notify.certificate", row.view().employerName(), id);
    }

    /** See {@link SelfArrangedWork#verifyCertificate}. */
    @Transactional
    void verifyCertificate(CurrentUser user, long id, boolean accept, String reason) {
        SelfArrangedRegistration row = lifecycle.lock(id);
        scope.requireStudent(user, row.studentId());
        if (!user.acts(Role.COUNSELOR)) {
            throw BusinessException.forbidden();
        }
        SelfArrangedStatus next = row.certificateVerified(accept);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (!accept && why == null) {
            throw BusinessException.invalid("approvals.reason-required");
        }
        if (why != null && why.length() > 500) {
            throw BusinessException.invalid("approvals.reason-too-long", 500);
        }
        if (accept) {
            store.markCertificateVerified(id);
            lifecycle.setStatus(row, next, "certificate-accepted", user.username(), why, null, null, null);
            events.publishEvent(new SelfArrangedVerified(id, row.studentId()));
        } else {
            lifecycle.setStatus(row, next, "certificate-rejected", user.username(), why, null, null, null);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
