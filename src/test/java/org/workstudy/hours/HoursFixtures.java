package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.Placements;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;
import org.workstudy.support.Fixtures;

/**
 * Students enrolled in 2025-2026-1 (semester 1 from 2025-09-01 in the standard calendar) placed on a position that
 * has run since then, with the counselor of their class and the employer's contact. Dates the tests use: Saturday
 * 2025-10-18 and Sunday 2025-10-19 (term weekend), 2026-07-20 onwards (summer vacation, to 2026-09-06).
 */
@Component
public class HoursFixtures {

    private final PlacementFixtures placementFixtures;
    private final Fixtures school;
    private final PositionWorkflow workflow;
    private final Placements placements;
    private final Clock clock;

    HoursFixtures(PlacementFixtures placementFixtures, Fixtures school, PositionWorkflow workflow,
            Placements placements, Clock clock) {
        this.placementFixtures = placementFixtures;
        this.school = school;
        this.workflow = workflow;
        this.placements = placements;
        this.clock = clock;
    }

    /** A class with n placed students, the class's counselor and the employer's contact. */
    public record Setup(long classId, List<Student> students, long employerId, long positionId, CurrentUser counselor,
            CurrentUser employer, List<Long> placementIds) {

        public Student student() {
            return students.get(0);
        }

        public long placement() {
            return placementIds.get(0);
        }
    }

    public Setup placed(int n, TimeKind... kinds) {
        long classId = school.schoolClass(school.college());
        List<Student> students = placementFixtures.students(classId, n);
        long employer = placementFixtures.employer();
        long position = position(employer, kinds.length == 0 ? Set.of(TimeKind.WEEKEND, TimeKind.SUMMER_VACATION)
                : Set.of(kinds));
        placements.place(PlacementFixtures.CENTER, position, students.stream().map(Student::id).toList());
        List<Long> placementIds = students.stream().map(s -> placements.ofStudent(s.id()).stream()
                .filter(p -> p.positionId() == position).findFirst().orElseThrow().id()).toList();
        return new Setup(classId, students, employer, position, counselor(classId), employer(employer), placementIds);
    }

    long position(long employer, Set<TimeKind> kinds) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = workflow.create(PlacementFixtures.CENTER, new PositionForm(BankKind.SCHOOL, null, employer,
                "工时测试岗位" + Fixtures.next(), "整理图书", PositionType.FIXED, kinds, "图书馆", "厦门", 50,
                new BigDecimal("4"), new BigDecimal("18"), LocalDate.of(2025, 9, 1), LocalDate.now(clock),
                now.minusHours(1), now.plusDays(7), Set.of(), Set.of(), SelectionMode.FIRST_COME, "注意安全"));
        workflow.step(PlacementFixtures.CENTER, id, PositionAction.SUBMIT, null);
        workflow.step(PlacementFixtures.CENTER, id, PositionAction.APPROVE, null);
        workflow.step(PlacementFixtures.CENTER, id, PositionAction.PUBLISH, null);
        return id;
    }

    public static CurrentUser counselor(long classId) {
        return new CurrentUser(0, "counselor-" + classId, "辅导员" + classId, Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classId)));
    }

    public static CurrentUser employer(long employerId) {
        return new CurrentUser(0, "employer-" + employerId, "单位联系人" + employerId, Role.EMPLOYER,
                List.of(Grant.of(Role.EMPLOYER, employerId)));
    }

    public static NewWorkRecord work(Student s, long placementId, String date, String from, String to) {
        return new NewWorkRecord(s.id(), SourceKind.PLACEMENT, placementId, LocalDate.parse(date), LocalTime.parse(from),
                LocalTime.parse(to), null, "整理图书");
    }

    public static NewWorkRecord hours(Student s, long placementId, String date, String hours) {
        return new NewWorkRecord(s.id(), SourceKind.PLACEMENT, placementId, LocalDate.parse(date), null, null,
                new BigDecimal(hours), "暑期整理图书");
    }
}
