package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentQuery;
import org.workstudy.shared.BusinessException;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.ProgressOutlook;
import org.workstudy.hours.internal.Projection;
import org.workstudy.hours.internal.WorkSource;

/**
 * The ledger's reads behind {@link HoursLedger}: a student's register and progress, a class's progress, what
 * waits for the user's confirmation; each checked against the user's role and data scope.
 */
@Service
class LedgerReads {

    private final LedgerStore store;
    private final Sources sources;
    private final AcademicCalendar calendar;
    private final Roster roster;
    private final DataScope scope;
    private final CohortSettings settings;
    private final Clock clock;
    private final CountingWindows windows;
    private final WarningSettings warnings;

    LedgerReads(LedgerStore store, Sources sources, AcademicCalendar calendar, Roster roster, DataScope scope,
            CohortSettings settings, Clock clock, CountingWindows windows, WarningSettings warnings) {
        this.store = store;
        this.sources = sources;
        this.calendar = calendar;
        this.roster = roster;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
        this.windows = windows;
        this.warnings = warnings;
    }

    /** The student's register: every entry, newest work date first, with its status. */
    @Transactional(readOnly = true)
    List<WorkRecordView> ofStudent(CurrentUser user, long studentId) {
        Set<Long> onlyEmployers = readable(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        List<EntryRow> rows = store.ofStudent(studentId);
        List<WorkRecordView> views = views(LedgerView.evaluate(rows, sources.notCounting()), Map.of(studentId, s));
        return views.stream().filter(v -> onlyEmployers == null || rows.stream().anyMatch(r -> r.id() == v.id()
                        && r.employerId() != null && onlyEmployers.contains(r.employerId())))
                .sorted(Comparator.comparing(WorkRecordView::workDate).thenComparing(WorkRecordView::id).reversed())
                .toList();
    }

    /** The student's progress toward the required hours. */
    @Transactional(readOnly = true)
    Progress progress(CurrentUser user, long studentId) {
        scope.requireStudent(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        CountingSettings cs = settings.of(s);
        return progressOf(s, LedgerView.evaluate(store.ofStudent(studentId), sources.notCounting()),
                windows.of(calendar.snapshot(), s, cs), cs);
    }

    /**
     * The students of a counselor's classes who are behind (see {@link #classProgress}), the furthest behind first,
     * at most {@code limit}; and how many there are in all.
     */
    @Transactional(readOnly = true)
    LedgerPages.Behind behind(CurrentUser user, int limit) {
        List<ClassProgressRow> all = new ArrayList<>();
        for (Long classId : user.activeScopeIds()) {
            classProgress(user, classId).stream().filter(ClassProgressRow::atRisk).forEach(all::add);
        }
        all.sort(Comparator.comparing((ClassProgressRow r) -> r.expectedHours().subtract(r.hours())).reversed()
                .thenComparing(ClassProgressRow::studentNo));
        return new LedgerPages.Behind(all.stream().limit(limit).toList(), all.size());
    }

    /** The student's progress with what is at stake: behind or not, their window's end and the days left in it. */
    @Transactional(readOnly = true)
    ProgressOutlook outlook(CurrentUser user, long studentId) {
        scope.requireStudent(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        CalendarSnapshot snapshot = calendar.snapshot();
        CountingSettings cs = settings.of(s);
        List<LedgerView.Evaluated> evaluated = LedgerView.evaluate(store.ofStudent(studentId), sources.notCounting());
        CountingWindow window = windows.of(snapshot, s, cs);
        Progress p = progressOf(s, evaluated, window, cs);
        LocalDate today = LocalDate.now(clock);
        BigDecimal expected = ProgressMath.expected(window, today, cs);
        LocalDate windowEnd = window.end().orElse(null);
        ProgressMath.DaysLeft left = ProgressMath.daysLeft(snapshot, today, windowEnd);
        Projection projection = ProgressMath.projection(p.hours(), daysWorked(evaluated), p.remainingHours(), left,
                warnings.assumptions());
        return new ProgressOutlook(p, expected, !p.completed() && p.hours().compareTo(expected) < 0, windowEnd,
                left.weekendsAndHolidays(), left.vacationDays(), projection);
    }

    /**
     * Every student of the class with hours, days, share and whether they are behind: counted hours below the
     * pro-rata expectation, {@code required × semesters passed / window}, the current semester counted by the share
     * of its days passed (see {@link ProgressMath}). Sorted by student number.
     */
    @Transactional(readOnly = true)
    List<ClassProgressRow> classProgress(CurrentUser user, long classId) {
        scope.requireClass(user, classId);
        List<Student> students = new ArrayList<>();
        roster.forEach(user, new StudentQuery(null, null, classId, null, null),
                r -> roster.find(r.id()).ifPresent(students::add));
        Map<Long, List<EntryRow>> byStudent = new HashMap<>();
        store.ofStudents(students.stream().map(Student::id).toList())
                .forEach(r -> byStudent.computeIfAbsent(r.studentId(), k -> new ArrayList<>()).add(r));
        CalendarSnapshot snapshot = calendar.snapshot();
        LocalDate today = LocalDate.now(clock);
        Function<EntryRow, Optional<String>> notCounting = sources.notCounting();
        Map<LocalDate, ProgressMath.DaysLeft> leftByEnd = new HashMap<>(); // a class shares a few window ends
        List<ClassProgressRow> out = new ArrayList<>();
        for (Student s : students) {
            List<LedgerView.Evaluated> evaluated = LedgerView.evaluate(byStudent.getOrDefault(s.id(), List.of()),
                    notCounting);
            // a class may hold students of several enrolment cohorts (复学, 留级): each keeps their own numbers
            CountingSettings cs = settings.of(s);
            CountingWindow window = windows.of(snapshot, s, cs);
            Progress p = progressOf(s, evaluated, window, cs);
            BigDecimal expected = ProgressMath.expected(window, today, cs);
            long waiting = evaluated.stream().filter(e -> e.status() == RecordStatus.WAITING_CONFIRMATION).count();
            LocalDate windowEnd = window.end().orElse(null);
            boolean projectedShort = windowEnd != null && !p.completed() && ProgressMath.projection(p.hours(),
                    daysWorked(evaluated), p.remainingHours(), leftByEnd.computeIfAbsent(windowEnd,
                            end -> ProgressMath.daysLeft(snapshot, today, end)), warnings.assumptions()).shortOfHours();
            out.add(new ClassProgressRow(s.id(), s.studentNo(), s.name(), p.hours(), p.days(), p.sharePercent(),
                    expected, !p.completed() && p.hours().compareTo(expected) < 0, p.completed(), waiting,
                    projectedShort));
        }
        out.sort(Comparator.comparing(ClassProgressRow::studentNo));
        return out;
    }

    /** Entries waiting for this user's confirmation (counselor: their classes; employer: their positions). */
    @Transactional(readOnly = true)
    List<WorkRecordView> pendingConfirmations(CurrentUser user) {
        List<EntryRow> rows;
        if (user.acts(Role.COUNSELOR)) {
            List<Long> ids = new ArrayList<>();
            roster.forEach(user, new StudentQuery(null, null, null, null, null), r -> ids.add(r.id()));
            rows = store.waitingOfStudents(ids);
        } else if (user.acts(Role.EMPLOYER)) {
            rows = store.waitingReportsOfEmployers(user.activeScopeIds());
        } else {
            return List.of();
        }
        Map<Long, Student> students = new HashMap<>();
        rows.stream().map(EntryRow::studentId).distinct()
                .forEach(id -> roster.find(id).ifPresent(s -> students.put(id, s)));
        return views(LedgerView.evaluate(rows, r -> Optional.empty()), students);
    }

    /**
     * Refuses, as not found, a student whose ledger the user may not read: forms check this before they look at what
     * was typed, so that an id outside the scope answers the same whatever the form holds.
     */
    @Transactional(readOnly = true)
    void requireReadable(CurrentUser user, long studentId) {
        readable(user, studentId);
    }

    /** What hours can be recorded for, for this student (placements and approved self-arranged registrations). */
    @Transactional(readOnly = true)
    List<WorkSource> sourcesOf(CurrentUser user, long studentId) {
        return sources.of(studentId, readable(user, studentId));
    }

    /** Null for everyone who sees the whole ledger of a student in scope; an employer sees their positions' part. */
    private Set<Long> readable(CurrentUser user, long studentId) {
        if (user.acts(Role.EMPLOYER)) {
            Set<Long> employers = user.activeScopeIds();
            boolean placedWithThem = sources.of(studentId, employers).stream()
                    .anyMatch(s -> s.kind() == SourceKind.PLACEMENT);
            if (!placedWithThem) {
                throw BusinessException.notFound("error.not-found");
            }
            return employers;
        }
        scope.requireStudent(user, studentId);
        return null;
    }

    /** The distinct dates with counted hours: the days the student has actually worked (for the projection's pace). */
    private static int daysWorked(List<LedgerView.Evaluated> evaluated) {
        return (int) evaluated.stream().filter(e -> e.status() == RecordStatus.COUNTED)
                .flatMap(e -> e.row().slots().stream()).map(Slot::date).distinct().count();
    }

    private Progress progressOf(Student s, List<LedgerView.Evaluated> evaluated, CountingWindow window,
            CountingSettings settings) {
        List<Slot> counted = evaluated.stream().filter(e -> e.status() == RecordStatus.COUNTED)
                .flatMap(e -> e.row().slots().stream()).toList();
        BigDecimal waiting = evaluated.stream().filter(e -> e.status() == RecordStatus.WAITING_CONFIRMATION)
                .map(e -> e.row().hours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ProgressMath.progress(s.id(), counted, waiting, window, LocalDate.now(clock), settings);
    }

    private List<WorkRecordView> views(List<LedgerView.Evaluated> evaluated, Map<Long, Student> students) {
        CalendarSnapshot snapshot = calendar.snapshot();
        Map<Long, WorkRecordView.CalendarFlag> flags = store.calendarFlags(
                evaluated.stream().map(e -> e.row().id()).toList());
        return evaluated.stream().map(e -> {
            EntryRow r = e.row();
            Student s = students.get(r.studentId());
            boolean confirmed = Boolean.TRUE.equals(r.confirmed());
            return new WorkRecordView(r.id(), r.studentId(), s == null ? null : s.studentNo(),
                    s == null ? null : s.name(), r.sourceKind(), r.sourceId(), r.workDate(), r.startsAt(), r.endsAt(),
                    r.hours(), r.place(), r.employerName(), r.content(), r.kind(), r.correctsId(), e.supersededBy(),
                    r.reason(), r.recordedByName(), r.recorderRole(), r.recordedAt(),
                    confirmed ? r.decidedByName() : null, confirmed ? r.decidedByRole() : null,
                    confirmed ? r.decidedAt() : null, Boolean.FALSE.equals(r.confirmed()) ? r.decisionReason() : null,
                    e.status(), e.statusKey(), snapshot.provisional(r.workDate()), flags.get(r.id()));
        }).toList();
    }
}
