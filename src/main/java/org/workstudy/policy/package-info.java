/**
 * The work-study credit policy (勤工助学学分政策) in versions per cohort: every number of DESIGN section 2 (required
 * hours, hours per day, credits, semester window, home city, offset conversion, notice period, term-time caps).
 * A version applies from its first cohort until the next version's first cohort, so a cohort keeps the version it
 * enrolled under. {@link org.workstudy.policy.Policies} is the facade.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "calendar", "places", "web"})
package org.workstudy.policy;
