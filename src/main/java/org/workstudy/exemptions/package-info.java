/**
 * Exemption (免修) and offset (抵扣) applications (DESIGN §2 rule 7): application with evidence, the counselor's and
 * the center director's approval, the public notice of the granted ones, and the final standing. Other modules read
 * final exemptions through {@link org.workstudy.credits.CreditStandings}; the pages are {@code /exemptions/**}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "policy", "approvals", "notifications", "notices", "credits", "quality", "web"})
package org.workstudy.exemptions;
