package org.workstudy.assessment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;
import org.workstudy.shared.BusinessException;

/**
 * The assessment pages and API, in the viewer's scope, decided here on the server: the center's staff and leaders
 * (school-wide roles) see everything; a vice dean (or college administrator) sees the school's ranking of colleges,
 * and the counselors and classes of their college; a counselor sees their own figure and their classes. A college
 * report is for school-wide roles and the college's own vice dean (another college: not found); students and
 * employers have no assessment.
 */
@Service
public class Assessments {

    /** The roles with assessment pages. */
    public static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.CENTER_DIRECTOR, Role.CENTER_STAFF,
            Role.ACADEMIC_AFFAIRS, Role.LEADER, Role.VICE_DEAN, Role.COLLEGE_ADMIN, Role.COUNSELOR);

    /** The roles that set the deadline. */
    public static final Set<Role> SETTERS = EnumSet.of(Role.ADMIN, Role.CENTER_DIRECTOR);

    private final AssessmentFigures figures;
    private final AssessmentStore store;
    private final java.time.Clock clock;

    Assessments(AssessmentFigures figures, AssessmentStore store, java.time.Clock clock) {
        this.figures = figures;
        this.store = store;
        this.clock = clock;
    }

    public static void requireReader(CurrentUser user) {
        if (user.activeRole() == null || !READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /** The rankings of a month in the viewer's scope. */
    @Transactional(readOnly = true)
    public Ranking month(CurrentUser user, YearMonth month) {
        requireReader(user);
        return ranking(user, figures.month(month));
    }

    /** The rankings of an academic year (its frozen months combined) in the viewer's scope. */
    @Transactional(readOnly = true)
    public Ranking year(CurrentUser user, String academicYear) {
        requireReader(user);
        return ranking(user, figures.year(academicYear));
    }

    /** The monthly report of one college: school-wide roles, or that college's vice dean or administrator. */
    @Transactional(readOnly = true)
    public CollegeReport college(CurrentUser user, long collegeId, YearMonth month) {
        requireCollegeReader(user, collegeId);
        AssessmentFigures.Figures f = figures.month(month);
        List<Ranked> colleges = ranked(f.subjects(), s -> s.kind() == SubjectKind.COLLEGE, s -> s.subjectId() == collegeId);
        Ranked college = colleges.stream().filter(r -> r.subjectId() == collegeId).findFirst()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        Ranked school = f.subjects().stream().filter(s -> s.kind() == SubjectKind.SCHOOL).findFirst()
                .map(s -> Ranked.of(null, s, false)).orElse(null);
        AssessmentFigures.Period p = f.period();
        return new CollegeReport(p.month().toString(), p.frozen(), p.frozenAt(),
                p.handleWithinDays() == null ? store.handleWithinDays() : p.handleWithinDays(), college,
                colleges.size(), school,
                ranked(f.subjects(), s -> s.kind() == SubjectKind.COUNSELOR && Long.valueOf(collegeId)
                        .equals(s.collegeId()), s -> false),
                ranked(f.subjects(), s -> s.kind() == SubjectKind.CLASS && Long.valueOf(collegeId)
                        .equals(s.collegeId()), s -> false), !p.reconstructedMonths().isEmpty(), p.computedAt());
    }

    /**
     * Refuses a college report to whoever may not read it: a counselor, student or employer (403), a vice dean or
     * college admin of another college (404). Checked before the month is read.
     */
    public static void requireCollegeReader(CurrentUser user, long collegeId) {
        requireReader(user);
        ScopeKind kind = user.activeRole().scopeKind();
        if (kind == ScopeKind.CLASS) {
            throw BusinessException.forbidden();
        }
        if (kind == ScopeKind.COLLEGE && !user.activeScopeIds().contains(collegeId)) {
            throw BusinessException.notFound("error.not-found");
        }
    }

    /** The deadline in days for handling registrations and confirmations. */
    @Transactional(readOnly = true)
    public int handleWithinDays() {
        return store.handleWithinDays();
    }

    /** Sets the deadline (center director, administrator): it applies to the months frozen from now on. */
    @Transactional
    public void setHandleWithinDays(CurrentUser user, Integer days) {
        if (user.activeRole() == null || !SETTERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        if (days == null || days < 1 || days > 60) {
            throw BusinessException.invalid("asm.settings.days.invalid", String.valueOf(days))
                    .field("handleWithinDays");
        }
        store.saveHandleWithinDays(days, user.username(), clock.instant());
    }

    private Ranking ranking(CurrentUser user, AssessmentFigures.Figures f) {
        ScopeKind kind = user.activeRole().scopeKind();
        Set<Long> scopeIds = user.activeScopeIds();
        List<SubjectFigures> all = f.subjects();
        Ranked school = null;
        List<Ranked> colleges = List.of();
        List<Ranked> counselors;
        List<Ranked> classes;
        String level;
        switch (kind) {
            case SCHOOL -> {
                level = "SCHOOL";
                school = schoolRow(all);
                colleges = ranked(all, s -> s.kind() == SubjectKind.COLLEGE, s -> false);
                counselors = ranked(all, s -> s.kind() == SubjectKind.COUNSELOR, s -> false);
                classes = List.of();
            }
            case COLLEGE -> {
                level = "COLLEGE";
                school = schoolRow(all);
                colleges = ranked(all, s -> s.kind() == SubjectKind.COLLEGE, s -> scopeIds.contains(s.subjectId()));
                counselors = ranked(all, s -> s.kind() == SubjectKind.COUNSELOR && s.collegeId() != null
                        && scopeIds.contains(s.collegeId()), s -> false);
                classes = ranked(all, s -> s.kind() == SubjectKind.CLASS && s.collegeId() != null
                        && scopeIds.contains(s.collegeId()), s -> false);
            }
            default -> {
                level = "COUNSELOR";
                counselors = ranked(all, s -> s.kind() == SubjectKind.COUNSELOR && s.subjectId() == user.accountId(),
                        s -> true);
                classes = ranked(all, s -> s.kind() == SubjectKind.CLASS && scopeIds.contains(s.subjectId()),
                        s -> false);
            }
        }
        AssessmentFigures.Period p = f.period();
        Instant frozenAt = p.frozenAt();
        return new Ranking(p.academicYear(), p.month() == null ? null : p.month().toString(), p.frozen(), frozenAt,
                p.handleWithinDays(), p.frozenMonths().stream().map(YearMonth::toString).toList(), level, school,
                colleges, counselors, classes, p.reconstructedMonths().stream().map(YearMonth::toString).toList(),
                p.computedAt());
    }

    private static Ranked schoolRow(List<SubjectFigures> all) {
        return all.stream().filter(s -> s.kind() == SubjectKind.SCHOOL).findFirst()
                .map(s -> Ranked.of(null, s, false)).orElse(null);
    }

    /**
     * The subjects that pass the filter, best score first (no score last, then by name); equal scores share a place.
     */
    static List<Ranked> ranked(List<SubjectFigures> all, Predicate<SubjectFigures> filter,
            Predicate<SubjectFigures> own) {
        List<SubjectFigures> rows = new ArrayList<>(all.stream().filter(filter).toList());
        rows.sort(Comparator.comparing(SubjectFigures::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(SubjectFigures::name).thenComparingLong(SubjectFigures::subjectId));
        List<Ranked> out = new ArrayList<>();
        BigDecimal previous = null;
        int place = 0;
        for (int i = 0; i < rows.size(); i++) {
            SubjectFigures s = rows.get(i);
            BigDecimal score = s.score();
            if (score != null && (previous == null || score.compareTo(previous) != 0)) {
                place = i + 1;
            }
            previous = score;
            out.add(Ranked.of(score == null ? null : place, s, own.test(s)));
        }
        return out;
    }
}
