/**
 * Credits (学分): quality-development credits, exemptions and offsets (免修 / 抵扣), public notices (公示) with
 * objections, joint credit recognition (学分认定) by academic affairs and student affairs, the graduation audit
 * (毕业审核) with deferred graduation and make-up (暂缓毕业 / 补修), and certificates with a public verification page.
 * Other modules read a student's standing through {@link org.workstudy.credits.CreditStandings}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "calendar", "policy", "approvals", "notifications", "hours", "web"})
package org.workstudy.credits;
