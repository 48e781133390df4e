/**
 * Assessment (考核): monthly and annual figures of the colleges (and their vice deans), the counselors (their classes)
 * and the center (the whole school) — share of students on track, registrations and confirmations handled within the
 * deadline, positions and placements against the annual plan, registers entered in the month worked — each defined
 * once in {@link org.workstudy.assessment.internal.Metric}. A month is frozen into a snapshot ({@code asm_*}) when it
 * closes (a ShedLock job); the open month is computed live (and kept a minute). Reads the other modules through
 * their facades only; no other module reads it, so everything its pages and API use is in {@code assessment.internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "organization",
        "positions", "placements", "hours", "statistics", "web"})
package org.workstudy.assessment;
