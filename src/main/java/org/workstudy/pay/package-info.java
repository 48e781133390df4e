/**
 * Pay (酬金): a fixed position's monthly amount for a monthly hour quota; the month's pay sheet of an employer per
 * funding source (the school's work-study fund for on-campus employers, the employer off campus), computed from the
 * hours counted in {@link org.workstudy.hours.HoursLedger} with the national term-time caps; the employer confirms, the
 * center approves and the sheet is frozen; changes after that are the next month's adjustments. Students' bank cards
 * (entered by the students) and their pay history. Other modules use {@link org.workstudy.pay.PaySheets}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "positions", "hours", "calendar", "web"})
package org.workstudy.pay;
