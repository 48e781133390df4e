/**
 * Award eligibility (评先评优) and rewards/penalties (奖惩), section 4 of the policy: the thresholds in versions the
 * center director adds ({@link org.workstudy.awards.internal.AwardSettings}; a version applies from its date, a year
 * is judged under the version in force on its evaluation day), the lists of eligible classes (a class is its own
 * league branch, 团支部: organization keeps no branches), counselors and students with the reason for each and the ones
 * just below with what they lack ({@link org.workstudy.awards.internal.AwardLists}), and the rewards and penalties the
 * center records ({@link org.workstudy.awards.AwardRecords}, which the demo also calls). Figures are read through
 * statistics, hours and organization.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "statistics", "hours", "web"})
package org.workstudy.awards;
