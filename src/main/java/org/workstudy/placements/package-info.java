/**
 * Applications for positions (capacity-safe under a rush, first-come with a wait-list or the employer's choice) and
 * placements, including those arranged by the school, a college or a class (统一安排); and self-arranged work
 * (自行联系勤工助学): registered in advance with the counselor, approved by the vice dean before it starts when it is
 * outside the home city, and proven by the employer's certificate ({@link org.workstudy.placements.SelfArrangedWork}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "positions", "notifications", "web", "approvals", "policy", "places"})
package org.workstudy.placements;
