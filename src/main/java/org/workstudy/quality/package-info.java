/**
 * Quality-development credits (素质拓展学分): imported from .xlsx (all or nothing), a student's current credits and
 * what is left of them for an offset ({@link org.workstudy.quality.QualityStanding}), and the conversion of credits
 * into hours ({@link org.workstudy.quality.OffsetPlan}). Exemptions use {@link org.workstudy.quality.QualityCredits}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "web"})
package org.workstudy.quality;
