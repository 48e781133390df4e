/**
 * Generic approval requests: a subject (type + id of another module's record) goes through ordered steps, each
 * decided by one or more approvers (role + scope, all of them in parallel); decisions (approve, or return with a
 * reason) are inserted, never changed. {@link org.workstudy.approvals.Approvals} is the facade;
 * {@link org.workstudy.approvals.ApprovalDecided} is published in the deciding transaction. Subject modules check
 * their own rules (dates, data scope) before they call {@code decide}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
package org.workstudy.approvals;
