/**
 * Public notices (公示): a list published for N working days (calendar-aware) to the students and staff of its scope,
 * objections (异议) while it runs, the deciding office's answers, and finality. {@link org.workstudy.notices.PublicNotices}
 * publishes; {@link org.workstudy.notices.NoticeFinalized} and {@link org.workstudy.notices.ObjectionUpheld} tell the
 * module that published a notice what became of its items; {@link org.workstudy.notices.ObjectionOffice} is how that
 * module names the office that answers objections to its kind.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "calendar", "notifications", "web"})
package org.workstudy.notices;
