package org.workstudy.hours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.CalendarYearPublished;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;

/**
 * When a calendar year is published, the records entered on its dates while it was provisional are checked again
 * under the published arrangement (a 调休上班 Sunday is now a weekday; a joined holiday is no longer a term weekday).
 * A record that passed the rules under the provisional calendar and fails them now is <b>flagged</b> for its
 * counselor (table {@code hrs_calendar_flag}, a notification, a flag on the record in every list), never changed:
 * the counselor corrects or voids it. A record that failed both ways was not changed by the publication and is left
 * alone. Records are checked in the order they were entered, each against the student's other records (those of the
 * year only when entered earlier and not flagged), as they were at entry.
 */
@Component
class CalendarRecheck {

    static final String FLAG_ENTITY = "hours-calendar-flag";

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final Sources sources;
    private final AcademicCalendar calendar;
    private final Roster roster;
    private final Organization organization;
    private final CohortSettings settings;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<MakeUpWindows> makeUp;

    CalendarRecheck(JdbcClient jdbc, LedgerStore store, Sources sources, AcademicCalendar calendar, Roster roster,
            Organization organization, CohortSettings settings, Notifications notifications, AuditTrail audit,
            Clock clock, ObjectProvider<MakeUpWindows> makeUp) {
        this.jdbc = jdbc;
        this.store = store;
        this.sources = sources;
        this.calendar = calendar;
        this.roster = roster;
        this.organization = organization;
        this.settings = settings;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.makeUp = makeUp;
    }

    @ApplicationModuleListener
    void on(CalendarYearPublished event) {
        recheck(event);
    }

    /** Checks the year's records again; returns how many were flagged. */
    int recheck(CalendarYearPublished event) {
        int year = event.year();
        CalendarSnapshot now = calendar.snapshot();
        CalendarSnapshot before = now.asProvisional(year, event.before());
        List<Long> students = jdbc.sql("SELECT DISTINCT student_id FROM hrs_entry WHERE work_date BETWEEN ? AND ?"
                        + " ORDER BY student_id")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Long.class).list();
        int flagged = 0;
        for (long studentId : students) {
            Optional<Student> student = roster.find(studentId);
            if (student.isEmpty()) {
                continue;
            }
            List<Flag> flags = recheckStudent(student.get(), year, now, before);
            if (!flags.isEmpty()) {
                save(student.get(), year, flags);
                flagged += flags.size();
            }
        }
        return flagged;
    }

    private record Flag(long entryId, String key, List<String> args) {
    }

    private List<Flag> recheckStudent(Student s, int year, CalendarSnapshot now, CalendarSnapshot before) {
        CountingSettings numbers;
        try {
            numbers = settings.require(s);
        } catch (BusinessException e) {
            return List.of();
        }
        TermCode enrolment = s.enrolmentTerm() == null || !TermCode.isValid(s.enrolmentTerm()) ? null
                : TermCode.parse(s.enrolmentTerm());
        MakeUpWindows.Period period = Optional.ofNullable(makeUp.getIfAvailable())
                .flatMap(m -> m.periodOf(s.id())).orElse(null);
        Map<String, Optional<SourceFacts>> facts = new HashMap<>();
        List<LedgerView.Evaluated> occupying = LedgerView.evaluate(store.ofStudent(s.id()), row -> Optional.empty())
                .stream().filter(LedgerView.Evaluated::occupies).toList();
        List<Slot> settled = new ArrayList<>();
        List<EntryRow> ofYear = new ArrayList<>();
        for (LedgerView.Evaluated e : occupying) {
            if (e.row().workDate().getYear() == year) {
                ofYear.add(e.row());
            } else {
                settled.addAll(e.row().slots());
            }
        }
        List<Flag> flags = new ArrayList<>();
        for (EntryRow row : ofYear) {
            NewWorkRecord record = new NewWorkRecord(s.id(), row.sourceKind(), row.sourceId(), row.workDate(),
                    row.startsAt(), row.endsAt(), row.hours(), row.content());
            Optional<SourceFacts> source = facts.computeIfAbsent(row.sourceKind() + ":" + row.sourceId(), k -> sources.resolve(s.id(), row.sourceKind(), row.sourceId())
                            .map(Sources.Resolved::facts));
            if (source.isEmpty()) {
                settled.addAll(row.slots());
                continue;
            }
            Optional<BusinessException> nowRefused = refusal(now, numbers, enrolment, record, source.get(), settled,
                    period);
            if (nowRefused.isPresent() && refusal(before, numbers, enrolment, record, source.get(), settled, period)
                    .isEmpty()) {
                BusinessException e = nowRefused.get();
                flags.add(new Flag(row.id(), e.messageKey(),
                        Arrays.stream(e.args()).map(String::valueOf).toList()));
            } else {
                settled.addAll(row.slots());
            }
        }
        return flags;
    }

    private static Optional<BusinessException> refusal(CalendarSnapshot calendar, CountingSettings numbers,
            TermCode enrolment, NewWorkRecord record, SourceFacts source, List<Slot> others,
            MakeUpWindows.Period period) {
        try {
            new CountingRules(calendar, numbers).check(enrolment, record, source, others,
                    (java.time.LocalDateTime) null, period);
            return Optional.empty();
        } catch (BusinessException e) {
            return Optional.of(e);
        }
    }

    private void save(Student s, int year, List<Flag> flags) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        Map<Object, Object> trail = new LinkedHashMap<>();
        for (Flag f : flags) {
            jdbc.sql("INSERT INTO hrs_calendar_flag (entry_id, student_id, year, reason_key, reason_args, flagged_at)"
                            + " VALUES (?,?,?,?,?,?) ON CONFLICT (entry_id) DO UPDATE SET year = EXCLUDED.year,"
                            + " reason_key = EXCLUDED.reason_key, reason_args = EXCLUDED.reason_args,"
                            + " flagged_at = EXCLUDED.flagged_at")
                    .params(f.entryId(), s.id(), year, f.key(), String.join(ARGS, f.args()), at).update();
            trail.put(f.entryId(), Map.of("studentId", s.id(), "year", year, "reason", f.key()));
        }
        audit.recordAll(FLAG_ENTITY, "flag", trail);
        List<Long> counselors = organization.counselorsOf(s.classId());
        if (!counselors.isEmpty()) {
            notifications.sendAll(counselors, "hours.notify.calendar-flag",
                    List.of(s.name(), String.valueOf(year), String.valueOf(flags.size())), "/hours/students/" + s.id());
        }
    }

    /** Separates the stored arguments of a flag's reason (a character no argument contains). */
    static final String ARGS = "\u001f";
}
