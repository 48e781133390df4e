/**
 * Generic approval requests and the lifecycle of what they approve: a subject (type + id of another module's record)
 * goes through ordered, named steps, each decided by one or more approvers (role + scope, all of them in parallel);
 * decisions (approve, or return with a reason) are inserted, never changed. {@link org.workstudy.approvals.Approvals}
 * is the facade; {@link org.workstudy.approvals.ApprovalDecided} is published in the deciding transaction and heard
 * synchronously by the subject's module, which moves its own record and notes what the step meant. The subject's
 * history (decisions and its other steps) is kept here, once ({@code apv_history}). Subject modules check their own
 * rules (dates, data scope) before they call {@code decide}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
package org.workstudy.approvals;
