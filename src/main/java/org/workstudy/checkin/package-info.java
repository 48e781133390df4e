/**
 * Check-in at the workplace (签到/签退): the employer's supervisor opens a shift and shows its rotating code (a QR
 * code, or a printable fallback code); placed students scan it with the phone's browser to check in and out; a
 * completed check-in/out becomes the student's work record in {@link org.workstudy.hours.HoursLedger}, waiting for
 * the employer's confirmation. A missed check-out is made up on request, decided by the employer. Signals (the same
 * device for two students, check-in far from the workplace) are shown, never decided. Other modules use
 * {@link org.workstudy.checkin.Checkins}; check-in's own pages read through {@code checkin.internal.CheckinPages}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "positions", "placements", "hours", "web"})
package org.workstudy.checkin;
