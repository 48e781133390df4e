package org.workstudy.placements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Gender;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.internal.EmployerForm;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;
import org.workstudy.shared.IdCardNumber;
import org.workstudy.support.Fixtures;

/** Published positions and students who can apply, made through the modules' own services. */
@Component
public class PlacementFixtures {

    /** The center's staff, acting without a signed-in session (as a scheduled job would). */
    public static final CurrentUser CENTER = new CurrentUser(0, "center-test", "中心测试", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));

    private final Employers employers;
    private final PositionWorkflow workflow;
    private final Roster roster;
    private final Clock clock;

    PlacementFixtures(Employers employers, PositionWorkflow workflow, Roster roster, Clock clock) {
        this.employers = employers;
        this.workflow = workflow;
        this.roster = roster;
        this.clock = clock;
    }

    public long employer() {
        return employer("测试单位" + Fixtures.next());
    }

    public long employer(String name) {
        return employers.save(CENTER, null, new EmployerForm(true, name, "厦门", "校内",
                "联系人", "13800000000", true));
    }

    /** A published position of the school bank, open for applications now. */
    public long published(int capacity, SelectionMode mode, Set<Long> colleges) {
        return published(employer(), capacity, mode, colleges);
    }

    public long published(long employerId, int capacity, SelectionMode mode, Set<Long> colleges) {
        return published(employerId, capacity, mode, colleges, Set.of());
    }

    /** As {@link #published(long, int, SelectionMode, Set)}, open only to these cohorts (empty: all). */
    public long published(long employerId, int capacity, SelectionMode mode, Set<Long> colleges,
            Set<Integer> cohorts) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = workflow.create(CENTER, new PositionForm(BankKind.SCHOOL, null, employerId, "测试岗位" + Fixtures.next(),
                "整理图书", PositionType.TEMPORARY, Set.of(TimeKind.WEEKEND), "图书馆", "厦门", capacity,
                new BigDecimal("4"), new BigDecimal("18"), LocalDate.now(clock), LocalDate.now(clock).plusMonths(2),
                now.minusHours(1), now.plusDays(7), colleges, cohorts, mode, "注意安全"));
        workflow.step(CENTER, id, PositionAction.SUBMIT, null);
        workflow.step(CENTER, id, PositionAction.APPROVE, null);
        workflow.step(CENTER, id, PositionAction.PUBLISH, null);
        return id;
    }

    /** {@code n} enrolled students of the class, with their accounts. */
    public List<Student> students(long classId, int n) {
        int base = Fixtures.next() * 1000;
        List<StudentForm> forms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = base + i;
            forms.add(new StudentForm(String.format("R%011d", k), "学生" + k, Gender.MALE, classId, "2025-2026-1",
                    StudentStatus.ACTIVE, null, IdCardNumber.withCheckChar(String.format("35020320060101%03d", k % 1000))));
        }
        return roster.addAll(forms).stream().map(id -> roster.find(id).orElseThrow()).toList();
    }

    /** The student as signed in. */
    public static CurrentUser signedIn(Student s) {
        return new CurrentUser(s.accountId(), s.studentNo(), s.name(), Role.STUDENT,
                List.of(Grant.of(Role.STUDENT, s.id())));
    }
}
