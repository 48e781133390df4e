package org.workstudy.approvals;

/** How a request ended: every step approved, returned (refused) by an approver, or cancelled by its subject's owner. */
enum ApprovalOutcome {
    APPROVED, RETURNED, CANCELLED
}
