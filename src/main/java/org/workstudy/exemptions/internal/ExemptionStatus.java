package org.workstudy.exemptions.internal;

/**
 * Where an exemption or offset application stands: SUBMITTED (waiting for the counselor) → WAITING_DIRECTOR →
 * GRANTED → IN_NOTICE → FINAL; or it ends RETURNED (by the counselor), REJECTED (by the director), WITHDRAWN (by the
 * student) or REVOKED (an objection to the notice was upheld). Only FINAL counts for the student.
 */
public enum ExemptionStatus {
    SUBMITTED, WAITING_DIRECTOR, GRANTED, IN_NOTICE, FINAL, RETURNED, REJECTED, WITHDRAWN, REVOKED;

    /** Whether the application still stands (or stood up): a student has at most one such. */
    public boolean live() {
        return this == SUBMITTED || this == WAITING_DIRECTOR || this == GRANTED || this == IN_NOTICE || this == FINAL;
    }

    /** The moves of the lifecycle: the counselor's and the director's decisions, withdrawal, the notice's outcomes. */
    public boolean mayBecome(ExemptionStatus next) {
        return switch (this) {
            case SUBMITTED -> next == WAITING_DIRECTOR || next == RETURNED || next == WITHDRAWN;
            case WAITING_DIRECTOR -> next == GRANTED || next == REJECTED || next == WITHDRAWN;
            case GRANTED -> next == IN_NOTICE;
            case IN_NOTICE -> next == FINAL || next == REVOKED;
            case FINAL, RETURNED, REJECTED, WITHDRAWN, REVOKED -> false;
        };
    }

    /** Whether it waits for a decision (and so may still be withdrawn by the student). */
    public boolean pending() {
        return this == SUBMITTED || this == WAITING_DIRECTOR;
    }

    /** The Bootstrap badge class the pages show the status with. */
    public String badge() {
        return switch (this) {
            case SUBMITTED, WAITING_DIRECTOR -> "text-bg-info";
            case GRANTED, IN_NOTICE -> "text-bg-primary";
            case FINAL -> "text-bg-success";
            case RETURNED, REJECTED, REVOKED -> "text-bg-danger";
            case WITHDRAWN -> "text-bg-secondary";
        };
    }
}
