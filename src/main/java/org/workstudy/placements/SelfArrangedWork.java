package org.workstudy.placements;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;

/**
 * Self-arranged work (自行联系勤工助学): registered by the student with the counselor before it starts; out of the
 * home city also approved by the college's vice dean before it starts and proven by the employer's certificate.
 */
@Service
public class SelfArrangedWork {

    /** A registration by id, without scope checks (for other modules). */
    public Optional<SelfArrangedView> find(long id) {
        throw new UnsupportedOperationException("coming");
    }

    /** A student's registrations, newest first, without scope checks (for other modules). */
    public List<SelfArrangedView> ofStudent(long studentId) {
        throw new UnsupportedOperationException("coming");
    }

    /** The signed-in student registers work in advance; returns the new id. */
    public long register(CurrentUser user, SelfArrangedForm form) {
        throw new UnsupportedOperationException("coming");
    }

    /** The student edits a returned registration and submits it again. */
    public void update(CurrentUser user, long id, SelfArrangedForm form) {
        throw new UnsupportedOperationException("coming");
    }

    /** The student withdraws a registration that is not yet approved. */
    public void withdraw(CurrentUser user, long id) {
        throw new UnsupportedOperationException("coming");
    }

    /** The counselor (or, out of the home city, the vice dean) approves, or returns/refuses with a reason. */
    public void decide(CurrentUser user, long id, boolean approve, String reason) {
        throw new UnsupportedOperationException("coming");
    }

    /** The student uploads the employer's certificate (PDF/JPEG/PNG, at most 10 MB, checked by content). */
    public void uploadCertificate(CurrentUser user, long id, String filename, byte[] content) {
        throw new UnsupportedOperationException("coming");
    }

    /** The counselor accepts or rejects (with a reason) the uploaded certificate. */
    public void verifyCertificate(CurrentUser user, long id, boolean accept, String reason) {
        throw new UnsupportedOperationException("coming");
    }
}
