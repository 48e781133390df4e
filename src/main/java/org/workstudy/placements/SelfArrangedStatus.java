package org.workstudy.placements;

/**
 * Where a self-arranged work registration (自行联系勤工助学报备) stands.
 *
 * <ul>
 * <li>{@code SUBMITTED}: registered by the student, waiting for the counselor.</li>
 * <li>{@code RETURNED}: returned by the counselor (or vice dean) with a reason; the student may edit and resubmit.</li>
 * <li>{@code APPROVED}: home-city work approved by the counselor. Its hours count from the approval date.</li>
 * <li>{@code WAITING_VICE_DEAN}: out-of-city work approved by the counselor, waiting for the vice dean (before the
 * start date).</li>
 * <li>{@code VICE_DEAN_APPROVED}: out-of-city work approved by both; the employer's certificate is still due.</li>
 * <li>{@code CERTIFICATE_UPLOADED}: the student uploaded the employer's certificate; the counselor verifies it.</li>
 * <li>{@code VERIFIED}: the counselor accepted the certificate (for home-city work too, if one was uploaded).</li>
 * <li>{@code REFUSED}: refused by the vice dean, or not approved before the start date (expired); never counts.</li>
 * <li>{@code WITHDRAWN}: withdrawn by the student before it was approved.</li>
 * </ul>
 */
public enum SelfArrangedStatus {
    SUBMITTED, RETURNED, APPROVED, WAITING_VICE_DEAN, VICE_DEAN_APPROVED, CERTIFICATE_UPLOADED, VERIFIED, REFUSED,
    WITHDRAWN;

    /**
     * The moves of the lifecycle: decisions of the counselor and the vice dean, withdrawal, resubmission of a returned
     * registration, the certificate uploaded (again) and verified or rejected.
     */
    public boolean mayBecome(SelfArrangedStatus next) {
        return switch (this) {
            case SUBMITTED -> next == APPROVED || next == WAITING_VICE_DEAN || next == RETURNED || next == WITHDRAWN;
            case RETURNED -> next == SUBMITTED || next == WITHDRAWN;
            case WAITING_VICE_DEAN -> next == VICE_DEAN_APPROVED || next == REFUSED || next == WITHDRAWN;
            case APPROVED, VICE_DEAN_APPROVED -> next == CERTIFICATE_UPLOADED;
            case CERTIFICATE_UPLOADED -> next == CERTIFICATE_UPLOADED || next == VERIFIED || next == APPROVED
                    || next == VICE_DEAN_APPROVED;
            case VERIFIED, REFUSED, WITHDRAWN -> false;
        };
    }

    /** Still open for a decision of the counselor or vice dean. */
    public boolean isPending() {
        return this == SUBMITTED || this == WAITING_VICE_DEAN;
    }
}
