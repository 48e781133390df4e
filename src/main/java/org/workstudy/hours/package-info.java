/**
 * The work-record ledger (工时台账): hours worked on a date for a placement or a self-arranged registration, who
 * recorded them and who confirmed them, corrections and voids as new entries (nothing is edited in place), the
 * counting rules of DESIGN section 2 (rules 2, 3, 4, 5, 6, 9, 10) and the progress toward the required hours.
 * Other modules use {@link org.workstudy.hours.HoursLedger} and react to {@link org.workstudy.hours.HoursConfirmed}
 * (one write) and {@link org.workstudy.hours.HoursConfirmedBatch} (one batch).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "calendar", "positions", "placements", "policy", "notifications", "web"})
package org.workstudy.hours;
