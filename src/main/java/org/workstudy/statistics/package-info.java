/**
 * Statistics (统计): school, college, counselor, class and the student's own figures over completion, on-track and
 * at-risk students, hours by month and by kind of time, placements by kind, plan against actual, exemptions,
 * recognition and deferrals, with the list behind every figure and its .xlsx export. Read-only over the other
 * modules: it keeps its own summary per student ({@code sts_*}), refreshed from their facades; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "organization",
        "calendar", "hours", "placements", "positions", "credits", "checkin", "pay", "web"})
package org.workstudy.statistics;
