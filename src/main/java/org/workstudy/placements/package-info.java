/**
 * Applications for positions (capacity-safe under a rush, first-come with a wait-list or the employer's choice) and
 * placements, including those arranged by the school, a college or a class (统一安排).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "positions", "notifications", "web"})
package org.workstudy.placements;
