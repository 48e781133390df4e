package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.DayKind;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Gender;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentStatus;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.Placements;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;
import org.workstudy.shared.IdCardNumber;
import org.workstudy.shared.TermCode;
import org.workstudy.support.Fixtures;

/**
 * A class of the graduating cohort 2023 (enrolled 2023-2024-1: semester window over in early 2026 by the demo's
 * standard calendar) in a new college, its students placed on a vacation position that has run since 2023-09-01,
 * and hours written through the ledger as the class's counselor: 10 hours a day on summer-vacation days.
 */
@Component
public class GraduationFixtures {

    public static final int COHORT = 2023;
    public static final CurrentUser ACADEMIC = new CurrentUser(0, "jiaowu-test", "教务测试", Role.ACADEMIC_AFFAIRS,
            List.of(Grant.school(Role.ACADEMIC_AFFAIRS)));

    private final Organization organization;
    private final Roster roster;
    private final PlacementFixtures placementFixtures;
    private final PositionWorkflow workflow;
    private final Placements placements;
    private final HoursLedger ledger;
    private final AcademicCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    GraduationFixtures(Organization organization, Roster roster, PlacementFixtures placementFixtures,
            PositionWorkflow workflow, Placements placements, HoursLedger ledger, AcademicCalendar calendar,
            JdbcClient jdbc, Clock clock) {
        this.organization = organization;
        this.roster = roster;
        this.placementFixtures = placementFixtures;
        this.workflow = workflow;
        this.placements = placements;
        this.ledger = ledger;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A cohort-2023 class of n placed students. */
    public record Cohort(long collegeId, long classId, List<Student> students, List<Long> placementIds,
            CurrentUser counselor) {
    }

    public Cohort cohort(int n) {
        int k = Fixtures.next();
        long college = organization.saveCollege(null, "G" + k, "毕业测试学院" + k, true);
        long major = organization.saveMajor(null, college, "GM" + k, "毕业测试专业" + k, true);
        long classId = organization.saveClass(null, major, COHORT, COHORT + "级毕业测试" + k + "班", true);
        List<StudentForm> forms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int no = k * 100 + i;
            forms.add(new StudentForm(String.format("G%011d", no), "毕业生" + no, Gender.FEMALE, classId,
                    "2023-2024-1", StudentStatus.ACTIVE, null,
                    IdCardNumber.withCheckChar(String.format("35020320050101%03d", no % 1000))));
        }
        List<Student> students = roster.addAll(forms).stream().map(id -> roster.find(id).orElseThrow()).toList();
        long employer = placementFixtures.employer();
        LocalDateTime now = LocalDateTime.now(clock);
        long position = workflow.create(PlacementFixtures.CENTER, new PositionForm(BankKind.SCHOOL, null, employer,
                "毕业测试岗位" + k, "整理档案", PositionType.FIXED, Set.of(TimeKind.SUMMER_VACATION,
                        TimeKind.WINTER_VACATION, TimeKind.WEEKEND, TimeKind.EVENING), "档案馆", "厦门", 50,
                new BigDecimal("4"), new BigDecimal("18"), LocalDate.of(2023, 9, 1), LocalDate.now(clock),
                now.minusHours(1), now.plusDays(7), Set.of(), Set.of(), SelectionMode.FIRST_COME, "注意安全"));
        workflow.step(PlacementFixtures.CENTER, position, PositionAction.SUBMIT, null);
        workflow.step(PlacementFixtures.CENTER, position, PositionAction.APPROVE, null);
        workflow.step(PlacementFixtures.CENTER, position, PositionAction.PUBLISH, null);
        placements.place(PlacementFixtures.CENTER, position, students.stream().map(Student::id).toList());
        List<Long> placementIds = students.stream().map(s -> placements.ofStudent(s.id()).stream()
                .filter(p -> p.positionId() == position).findFirst().orElseThrow().id()).toList();
        CurrentUser counselor = new CurrentUser(0, "fdy-g" + k, "辅导员" + k, Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classId)));
        return new Cohort(college, classId, students, placementIds, counselor);
    }

    /** Summer-vacation days from {@code from} on, as many as asked. */
    public List<LocalDate> vacationDays(LocalDate from, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; out.size() < n; d = d.plusDays(1)) {
            if (calendar.kindOf(d) == DayKind.SUMMER_VACATION) {
                out.add(d);
            }
        }
        return out;
    }

    /** Writes {@code hours} (in pieces of at most 10 a day) on vacation days from {@code from}, as the counselor. */
    public void work(Cohort c, int index, LocalDate from, BigDecimal hours) {
        Student s = c.students().get(index);
        List<NewWorkRecord> records = new ArrayList<>();
        BigDecimal left = hours;
        int days = left.divide(BigDecimal.TEN, 0, java.math.RoundingMode.CEILING).intValue();
        for (LocalDate d : vacationDays(from, days)) {
            BigDecimal h = left.min(BigDecimal.TEN);
            records.add(new NewWorkRecord(s.id(), SourceKind.PLACEMENT, c.placementIds().get(index), d, null, null,
                    h, "整理档案"));
            left = left.subtract(h);
        }
        ledger.recordAll(c.counselor(), records);
    }

    /** The first day after the cohort's semester window (semester 6 starts). */
    public LocalDate afterWindow() {
        return calendar.semesterStart(TermCode.parse("2023-2024-1"), 6).orElseThrow();
    }

    /** A final exemption (offsetHours null) or offset, as the exemption workflow leaves it. */
    public void finalExemption(long studentId, ExemptionKind kind, BigDecimal offsetHours) {
        jdbc.sql("INSERT INTO cr_exemption (student_id, kind, reason_kind, reason, status, policy_version_id,"
                        + " quality_credits, offset_hours, final_on, created_by, created_at)"
                        + " VALUES (?, ?, 'HARDSHIP', '家庭困难', 'FINAL', (SELECT min(id) FROM pol_version), ?, ?, ?,"
                        + " 'test', CURRENT_TIMESTAMP)")
                .params(studentId, kind.name(), offsetHours == null ? null : offsetHours.divide(new BigDecimal("180")),
                        offsetHours, LocalDate.of(2026, 5, 1))
                .update();
    }

    /** A deferral dated in the past (the page's action dates it today). */
    public void deferredOn(long studentId, LocalDate on, BigDecimal deficit) {
        jdbc.sql("INSERT INTO cr_deferral (student_id, cohort, kind, on_date, deficit_hours, by_username, by_name,"
                        + " created_at) VALUES (?, ?, 'DEFERRED', ?, ?, 'jiaowu', '教务', CURRENT_TIMESTAMP)")
                .params(studentId, COHORT, on, deficit).update();
    }
}
