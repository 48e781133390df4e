package org.workstudy.awards.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.awards.internal.AwardLines.AwardList;
import org.workstudy.awards.internal.AwardLines.ClassAward;
import org.workstudy.awards.internal.AwardLines.CounselorAward;
import org.workstudy.awards.internal.AwardLines.StudentAward;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.ClassCounselor;
import org.workstudy.organization.Organization;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.StatisticsFigures;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.statistics.StudentStanding;

/**
 * The award lists of an academic year in the user's scope (server-side: statistics applies organization's
 * {@code DataScope}; a college outside it is "not found"): eligible classes and league branches, counselors and
 * students with the reason for each, and the ones just below with what they lack. A year is judged on its
 * <b>evaluation day</b> — its last day (31 August), or today while it runs — under the threshold version in force on
 * that day; a penalty counts when it is in force on that day. Figures: hours counted in the year from statistics'
 * summary (refreshed every minute); the standings of the evaluation day — today's from the summary while the year
 * runs, those of its last day once it has ended ({@code StatisticsFigures.standingsAsOf}); confirmations from the
 * hours ledger.
 */
@Service
public class AwardLists {

    /** Who sees the lists: the center and leaders (all), vice deans (their college), counselors (their classes). */
    public static final Set<Role> READERS = Set.of(Role.CENTER_DIRECTOR, Role.CENTER_STAFF, Role.LEADER,
            Role.VICE_DEAN, Role.COUNSELOR);

    /**
     * The years a cohort studies (three-year programmes): a student counts in the academic years starting from their
     * cohort's up to two years later; graduates of earlier years are left out of later years' lists.
     */
    static final int STUDY_YEARS = 3;

    private final StatisticsFigures figures;
    private final AwardSettings settings;
    private final Penalties penalties;
    private final Organization organization;
    private final HoursLedger ledger;
    private final MessageSource messages;
    private final Clock clock;

    AwardLists(StatisticsFigures figures, AwardSettings settings, Penalties penalties, Organization organization,
            HoursLedger ledger, MessageSource messages, Clock clock) {
        this.figures = figures;
        this.settings = settings;
        this.penalties = penalties;
        this.organization = organization;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    public static void requireReader(CurrentUser user) {
        if (!READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /** The academic year of today. */
    public String currentYear() {
        return StatsFilter.yearOf(LocalDate.now(clock));
    }

    /**
     * The default of the filter: the last academic year that has ended (awards are judged for a finished year; the
     * running one can be chosen and is judged as of today).
     */
    public String lastFinishedYear() {
        return StatsFilter.yearOf(LocalDate.now(clock).minusYears(1));
    }

    /** The filter, refusing a malformed year naming the field ({@code academicYear}). */
    public StatsFilter filter(String academicYear, Long collegeId) {
        return new StatsFilter(academicYear == null || academicYear.isBlank() ? lastFinishedYear() : academicYear,
                null, collegeId, null, null);
    }

    /** The day a year is judged on: its last day, or today while it runs. */
    public LocalDate evaluationDay(StatsFilter filter) {
        LocalDate last = filter.until().minusDays(1);
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(last) ? today : last;
    }

    @Transactional(readOnly = true)
    public AwardList<StudentAward> students(CurrentUser user, StatsFilter filter, Locale locale) {
        Basis b = basis(user, filter);
        Map<Long, List<EligibilityRules.Penalty>> penalties = this.penalties.of(
                b.standings().stream().map(StudentStanding::studentId).toList());
        List<StudentAward> eligible = new ArrayList<>();
        List<StudentAward> near = new ArrayList<>();
        for (StudentStanding s : b.standings()) {
            Verdict v = EligibilityRules.student(b.version(), s.yearHours(), s.onTrack(),
                    penalties.getOrDefault(s.studentId(), List.of()), b.day());
            if (v.eligible() || v.near()) {
                StudentAward line = new StudentAward(s.studentId(), s.studentNo(), s.name(), s.collegeName(),
                        s.className(), s.cohort(), s.yearHours(), s.onTrack(), render(v, locale));
                (v.eligible() ? eligible : near).add(line);
            }
        }
        eligible.sort(Comparator.comparing(StudentAward::yearHours).reversed().thenComparing(StudentAward::studentNo));
        near.sort(Comparator.comparing(StudentAward::yearHours).reversed().thenComparing(StudentAward::studentNo));
        return new AwardList<>(filter.academicYear(), b.day(), b.version(), eligible, near, b.past());
    }

    @Transactional(readOnly = true)
    public AwardList<ClassAward> classes(CurrentUser user, StatsFilter filter, Locale locale) {
        Basis b = basis(user, filter);
        Map<Long, List<StudentStanding>> byClass = byClass(b.standings());
        Map<Long, List<ClassCounselor>> counselors = organization.classCounselors(byClass.keySet());
        List<ClassAward> eligible = new ArrayList<>();
        List<ClassAward> near = new ArrayList<>();
        byClass.forEach((classId, students) -> {
            long onTrack = students.stream().filter(StudentStanding::onTrack).count();
            long arrears = students.stream().filter(AwardLists::inArrears).count();
            Verdict v = EligibilityRules.group(b.version(), students.size(), onTrack, arrears);
            if (v.eligible() || v.near()) {
                StudentStanding first = students.get(0);
                ClassAward line = new ClassAward(classId, first.className(), first.collegeName(), first.cohort(),
                        students.size(), onTrack, arrears, counselors.getOrDefault(classId, List.of()).stream()
                                .map(ClassCounselor::name).toList(), render(v, locale));
                (v.eligible() ? eligible : near).add(line);
            }
        });
        Comparator<ClassAward> order = Comparator.comparing((ClassAward c) -> (double) c.onTrack() / c.students())
                .reversed().thenComparing(ClassAward::className);
        eligible.sort(order);
        near.sort(order);
        return new AwardList<>(filter.academicYear(), b.day(), b.version(), eligible, near, b.past());
    }

    @Transactional(readOnly = true)
    public AwardList<CounselorAward> counselors(CurrentUser user, StatsFilter filter, Locale locale) {
        Basis b = basis(user, filter);
        Map<Long, List<StudentStanding>> byClass = byClass(b.standings());
        Map<Long, List<ClassCounselor>> ofClass = organization.classCounselors(byClass.keySet());
        Map<Long, String> names = new HashMap<>();
        Map<Long, List<Long>> classesOf = new LinkedHashMap<>();
        ofClass.forEach((classId, list) -> list.forEach(c -> {
            if (!user.acts(Role.COUNSELOR) || c.accountId() == user.accountId()) {
                names.put(c.accountId(), c.name());
                classesOf.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(classId);
            }
        }));
        // confirmations of the year: recorded in it, decided within the deadline (or still waiting past it: late)
        Instant from = filter.from().atStartOfDay(clock.getZone()).toInstant();
        Instant until = filter.until().atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant().isBefore(until) ? clock.instant() : until;
        Duration deadline = Duration.ofDays(b.version().confirmDeadlineDays());
        Map<Long, long[]> confirmations = new HashMap<>(); // student → {decidable, on time}
        ledger.confirmationTimes(b.standings().stream().map(StudentStanding::studentId).toList(), from, until)
                .forEach(c -> {
                    Timing timing = timing(c.recordedAt(), c.decidedAt(), now, deadline);
                    if (timing != Timing.OPEN) {
                        long[] n = confirmations.computeIfAbsent(c.studentId(), k -> new long[2]);
                        n[0]++;
                        n[1] += timing == Timing.IN_TIME ? 1 : 0;
                    }
                });
        List<CounselorAward> eligible = new ArrayList<>();
        List<CounselorAward> near = new ArrayList<>();
        classesOf.forEach((accountId, classIds) -> {
            long students = 0;
            long onTrack = 0;
            long decidable = 0;
            long onTime = 0;
            Set<String> classNames = new TreeSet<>();
            for (long classId : classIds) {
                for (StudentStanding s : byClass.get(classId)) {
                    students++;
                    onTrack += s.onTrack() ? 1 : 0;
                    long[] n = confirmations.get(s.studentId());
                    if (n != null) {
                        decidable += n[0];
                        onTime += n[1];
                    }
                    classNames.add(s.className());
                }
            }
            Verdict v = EligibilityRules.counselor(b.version(), students, onTrack, decidable, onTime);
            if (v.eligible() || v.near()) {
                CounselorAward line = new CounselorAward(accountId, names.get(accountId), List.copyOf(classNames),
                        students, onTrack, decidable, onTime, render(v, locale));
                (v.eligible() ? eligible : near).add(line);
            }
        });
        Comparator<CounselorAward> order = Comparator
                .comparing((CounselorAward c) -> (double) c.onTrack() / Math.max(1, c.students())).reversed()
                .thenComparing(CounselorAward::name);
        eligible.sort(order);
        near.sort(order);
        return new AwardList<>(filter.academicYear(), b.day(), b.version(), eligible, near, b.past());
    }

    /**
     * In arrears past the window: not completed although the window is over (the expected hours of the evaluation
     * day have
     * reached the required hours: the five semesters are behind), or deferred (暂缓毕业) and not yet released.
     */
    static boolean inArrears(StudentStanding s) {
        return !s.completed() && ("DEFERRED".equals(s.deferral())
                || s.requiredHours().signum() > 0 && s.expectedHours().compareTo(s.requiredHours()) >= 0);
    }

    /**
     * Whether a confirmation was handled in time: decided within the deadline (inclusive) is in time; decided later,
     * or still waiting when the deadline has passed, is late; still waiting within the deadline does not count yet
     * (open).
     */
    static Timing timing(Instant recorded, Instant decided, Instant now, Duration deadline) {
        if (decided != null) {
            return Duration.between(recorded, decided).compareTo(deadline) <= 0 ? Timing.IN_TIME : Timing.LATE;
        }
        return Duration.between(recorded, now).compareTo(deadline) > 0 ? Timing.LATE : Timing.OPEN;
    }

    enum Timing {
        IN_TIME, LATE, OPEN
    }

    /** {@code past}: the standings are those of {@code day} (the year has ended), not today's. */
    private record Basis(List<StudentStanding> standings, ThresholdVersion version, LocalDate day, boolean past) {
    }

    private Basis basis(CurrentUser user, StatsFilter filter) {
        requireReader(user);
        LocalDate day = evaluationDay(filter);
        int start = filter.startYear();
        // a year that has ended is judged on the standings of its last day: today's would count later progress
        boolean past = LocalDate.now(clock).isAfter(day);
        List<StudentStanding> standings = past ? figures.standingsAsOf(user, filter, day)
                : figures.standings(user, filter);
        List<StudentStanding> inYear = standings.stream()
                .filter(s -> s.cohort() <= start && start < s.cohort() + STUDY_YEARS).toList();
        return new Basis(inYear, settings.forDay(day), day, past);
    }

    private static Map<Long, List<StudentStanding>> byClass(List<StudentStanding> standings) {
        Map<Long, List<StudentStanding>> out = new LinkedHashMap<>();
        standings.forEach(s -> out.computeIfAbsent(s.classId(), k -> new ArrayList<>()).add(s));
        return out;
    }

    /** The verdict's reasons in the reader's language (arguments that are message keys resolved too). */
    Verdict render(Verdict v, Locale locale) {
        return new Verdict(v.eligible(), v.near(), render(v.met(), locale), render(v.lacks(), locale));
    }

    private List<Reason> render(List<Reason> reasons, Locale locale) {
        return reasons.stream().map(r -> {
            List<Object> args = r.args().stream().map(a -> a instanceof MessageSourceResolvable m
                    ? (Object) messages.getMessage(m, locale) : String.valueOf(a)).toList();
            return new Reason(r.key(), args, messages.getMessage(r.key(), args.toArray(), r.key(), locale));
        }).toList();
    }
}
