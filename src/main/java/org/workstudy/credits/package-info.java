/**
 * Credits (学分): where a student stands on the course and the graduation audit (毕业审核) with deferred graduation
 * and make-up (暂缓毕业 / 补修). Other modules read a student's standing (credit record, final exemption, deferral)
 * through {@link org.workstudy.credits.CreditStandings}; a credit record's verification code is
 * {@link org.workstudy.credits.VerificationCodes}. What only the module's own pages and API show lives in
 * {@code credits.internal}. Quality-development credits are the module {@code quality}, certificates the module
 * {@code certificates}; exemptions, notices and recognition are modules of their own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "calendar", "policy", "approvals", "notifications", "hours", "quality", "web"})
package org.workstudy.credits;
