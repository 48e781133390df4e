package org.workstudy.notices;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.shared.BusinessException;

/** Publishing a notice: its period from the calendar's working days, the audit entry, and the students listed told. */
@Component
class NoticePublishing {

    private static final int MAX_TITLE = 200;

    private final NoticeStore store;
    private final Roster roster;
    private final AcademicCalendar calendar;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final NoticeClock clock;

    NoticePublishing(NoticeStore store, Roster roster, AcademicCalendar calendar, AuditTrail audit,
            Notifications notifications, NoticeClock clock) {
        this.store = store;
        this.roster = roster;
        this.calendar = calendar;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    long publish(NoticeDraft draft, LocalDate publishedOn) {
        check(draft);
        Map<Long, Student> students = roster.findAll(draft.items().stream().map(NoticeItem::studentId).toList());
        if (students.size() != draft.items().size()) {
            throw new IllegalArgumentException("a notice lists students that do not exist");
        }
        NoticePeriod period = NoticePeriod.of(publishedOn, draft.workingDays(), calendar.snapshot()::isWorkingDay);
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        long id = store.insert(draft, publishedOn, period, by, clock.now());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", draft.kind());
        values.put("subjectId", draft.subjectId());
        values.put("title", draft.title().trim());
        values.put("collegeId", draft.collegeId());
        values.put("cohort", draft.cohort());
        values.put("startsOn", period.startsOn());
        values.put("endsOn", period.endsOn());
        values.put("items", draft.items().size());
        audit.record(NoticeBoard.NOTICE, id, "publish", values);
        List<Long> accounts = students.values().stream().map(Student::accountId).filter(a -> a != null).toList();
        notifications.sendAll(accounts, "notices.notify.published",
                List.of(draft.title().trim(), period.startsOn().toString(), period.endsOn().toString()),
                "/notices/" + id);
        return id;
    }

    private static void check(NoticeDraft draft) {
        if (draft == null || draft.kind() == null || draft.title() == null || draft.title().isBlank()
                || draft.title().trim().length() > MAX_TITLE) {
            throw new IllegalArgumentException("a notice needs a kind and a title of 1 to 200 characters");
        }
        if (draft.workingDays() < 1 || draft.workingDays() > 30) {
            throw new IllegalArgumentException("a notice runs 1 to 30 working days: " + draft.workingDays());
        }
        if (draft.cohort() != null && draft.collegeId() == null) {
            throw new IllegalArgumentException("a cohort narrows a college: give the college too");
        }
        if (draft.items().isEmpty()) {
            throw BusinessException.invalid("notices.publish.empty");
        }
        Set<Long> students = new HashSet<>();
        for (NoticeItem item : draft.items()) {
            if (!students.add(item.studentId())) {
                throw new IllegalArgumentException("student " + item.studentId() + " is listed twice");
            }
            if (item.detail() == null || item.detail().isBlank() || item.detail().trim().length() > MAX_TITLE) {
                throw new IllegalArgumentException("an item needs a public detail of 1 to 200 characters");
            }
        }
    }
}
