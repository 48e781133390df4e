package org.workstudy.notices;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.internal.NoticeLine;
import org.workstudy.notices.internal.ObjectionView;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentRow;

/**
 * Notices, their lines and objections as readers see them: with the college's name, the working days left, the
 * students' numbers, names and classes; never anything personal beyond that.
 */
@Component
class NoticeViews {

    private final NoticeStore store;
    private final Roster roster;
    private final Organization organization;
    private final AcademicCalendar calendar;

    NoticeViews(NoticeStore store, Roster roster, Organization organization, AcademicCalendar calendar) {
        this.store = store;
        this.roster = roster;
        this.organization = organization;
        this.calendar = calendar;
    }

    /** The notices as the board lists them, seen on {@code today}. */
    List<NoticeSummary> summaries(List<Notice> notices, LocalDate today) {
        Map<Long, String> colleges = new HashMap<>();
        Predicate<LocalDate> workingDays = calendar.snapshot()::isWorkingDay;
        return notices.stream().map(n -> new NoticeSummary(n.id(), n.kind(), n.subjectId(), n.title(), n.collegeId(),
                n.collegeId() == null ? null : colleges.computeIfAbsent(n.collegeId(),
                        c -> organization.college(c).map(College::name).orElse(null)),
                n.cohort(), n.workingDays(), n.publishedOn(), n.period().startsOn(), n.period().endsOn(),
                n.period().workingDaysLeft(today, workingDays), n.statusOn(today), n.finalOn(), n.items(),
                n.withdrawn(), n.openObjections())).toList();
    }

    /** A notice's lines, withdrawn ones included. */
    List<NoticeLine> lines(long noticeId) {
        List<NoticeStore.Line> stored = store.lines(noticeId);
        Map<Long, StudentRow> students = roster.rows(stored.stream().map(NoticeStore.Line::studentId).toList());
        return stored.stream().map(l -> {
            StudentRow s = students.get(l.studentId());
            return new NoticeLine(l.id(), l.lineNo(), l.studentId(), s.studentNo(), s.name(), s.className(),
                    l.subjectId(), l.detail(), l.withdrawn());
        }).toList();
    }

    /** Objections as {@code user} sees them ({@code mine}: raised by them). */
    List<ObjectionView> objections(List<Objection> objections, CurrentUser user) {
        Map<Long, StudentRow> students = roster.rows(objections.stream().map(Objection::itemStudentId)
                .filter(id -> id != null).toList());
        return objections.stream().map(o -> {
            StudentRow s = o.itemStudentId() == null ? null : students.get(o.itemStudentId());
            return new ObjectionView(o.id(), o.noticeId(), o.kind(), o.noticeTitle(), o.itemId(),
                    s == null ? null : s.studentNo(), s == null ? null : s.name(), o.reason(), o.raisedBy(),
                    o.raisedOn(), o.accountId() == user.accountId(), o.answer());
        }).toList();
    }
}
