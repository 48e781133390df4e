package org.workstudy.placements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.Approvals;
import org.workstudy.identity.CurrentUser;

/**
 * Self-arranged work (自行联系勤工助学): registered by the student with the counselor before it starts; out of the
 * home city also approved by the college's vice dean before it starts and proven by the employer's certificate.
 *
 * <p>Flow: SUBMITTED → (counselor approves) APPROVED for home-city work, or WAITING_VICE_DEAN → (vice dean approves
 * before the start date) VICE_DEAN_APPROVED for out-of-city work; → (student uploads the certificate)
 * CERTIFICATE_UPLOADED → (counselor accepts) VERIFIED, or back on rejection. The counselor may return a registration
 * (RETURNED: the student edits and resubmits, which opens a new approval request); the vice dean may refuse it
 * (REFUSED). The student may withdraw it until it is approved (WITHDRAWN). Home-city work counts from the counselor's
 * approval date without a certificate; a certificate may still be uploaded and verified, which does not change what
 * counts.
 *
 * <p>This facade holds what other modules (hours, assessment, the demo) call and the student's writes; it hands each
 * write to its step: {@link SelfArrangedSubmission} (registering, resubmitting), {@link SelfArrangedLifecycle}
 * (withdrawal, decisions), {@link SelfArrangedCertificates}. The module's own pages read through
 * {@code placements.internal.SelfArrangedPages} ({@link SelfArrangedPageReads}).
 */
@Service
public class SelfArrangedWork {

    /** The subject type of the approval requests. */
    public static final String SUBJECT = "self-arranged-work";
    /** The approval steps, by name. */
    static final String COUNSELOR_STEP = "counselor";
    static final String VICE_DEAN_STEP = "vice-dean";

    private final SelfArrangedStore store;
    private final Approvals approvals;
    private final SelfArrangedSubmission submission;
    private final SelfArrangedLifecycle lifecycle;
    private final SelfArrangedCertificates certificates;

    SelfArrangedWork(SelfArrangedStore store, Approvals approvals, SelfArrangedSubmission submission,
            SelfArrangedLifecycle lifecycle, SelfArrangedCertificates certificates) {
        this.store = store;
        this.approvals = approvals;
        this.submission = submission;
        this.lifecycle = lifecycle;
        this.certificates = certificates;
    }

    // ---- reads for other modules (no scope checks) ----

    /** A registration waiting for the counselor's or vice dean's decision: since when, and until when (null: still). */
    public record Wait(long studentId, Instant since, Instant endedAt) {
    }

    /**
     * Every wait for a decision that began from {@code from} up to (not including) {@code to}, of every student (no
     * scope check: for assessment, which decides who sees what). Waits ended by the student's withdrawal are left out.
     */
    @Transactional(readOnly = true)
    public List<Wait> waitsBegun(Instant from, Instant to) {
        List<Approvals.Wait> waits = approvals.waitsBegun(SUBJECT, List.of(SelfArrangedStatus.SUBMITTED.name(),
                SelfArrangedStatus.WAITING_VICE_DEAN.name()), SelfArrangedStatus.WITHDRAWN.name(), from, to);
        Map<Long, Long> students = store.studentsOf(waits.stream().map(Approvals.Wait::subjectId)
                .collect(Collectors.toSet()));
        return waits.stream().map(w -> new Wait(students.get(w.subjectId()), w.since(), w.endedAt())).toList();
    }

    /** A registration by id, without scope checks (for other modules). */
    public Optional<SelfArrangedView> find(long id) {
        return store.find(id).map(SelfArrangedRegistration::view);
    }

    /** A student's registrations, newest first, without scope checks (for other modules). */
    public List<SelfArrangedView> ofStudent(long studentId) {
        return store.ofStudent(studentId, true).stream().map(SelfArrangedRegistration::view).toList();
    }

    // ---- student's writes ----

    /** The signed-in student registers work in advance; returns the new id. */
    public long register(CurrentUser user, SelfArrangedForm form) {
        return submission.register(user, form);
    }

    /** The student edits a returned registration and submits it again (a new approval request). */
    public void update(CurrentUser user, long id, SelfArrangedForm form) {
        submission.update(user, id, form);
    }

    /** The student withdraws a registration that is not yet approved (submitted, returned, waiting for the vice dean). */
    public void withdraw(CurrentUser user, long id) {
        lifecycle.withdraw(user, id);
    }

    /** The student uploads the employer's certificate (PDF/JPEG/PNG, at most 10 MB, checked by content). */
    public void uploadCertificate(CurrentUser user, long id, String filename, byte[] content) {
        certificates.uploadCertificate(user, id, filename, content);
    }

    // ---- approvers' writes ----

    /**
     * The approver of the current step approves, or returns (counselor) / refuses (vice dean) with a reason. The
     * counselor must hold the student's class, the vice dean the student's college; the vice dean approves only
     * before the start date.
     */
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
        lifecycle.decide(user, id, approve, reason);
    }

    /** The counselor of the student's class accepts or rejects (with a reason) the uploaded certificate. */
    public void verifyCertificate(CurrentUser user, long id, boolean accept, String reason) {
        certificates.verifyCertificate(user, id, accept, reason);
    }
}
