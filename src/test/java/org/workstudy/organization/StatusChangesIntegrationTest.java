package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.credits.internal.GraduationFilter;
import org.workstudy.credits.internal.GraduationRow;
import org.workstudy.hours.CountingWindow;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.internal.Register;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.RosterExport;
import org.workstudy.organization.internal.RosterImport;
import org.workstudy.policy.Policies;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.hours.internal.LedgerPages;

/**
 * 学籍异动 end to end, one kind of change after the other: what the student's status, class, data scope, counting
 * window, policy version and register become, and what is refused (nothing written then).
 */
@IntegrationTest
class StatusChangesIntegrationTest {

    static final CurrentUser ADMIN = new CurrentUser(0, "status-admin", "学籍管理员", Role.ADMIN,
            List.of(Grant.school(Role.ADMIN)));
    static final CurrentUser ACADEMIC = new CurrentUser(0, "status-academic", "教学科研处", Role.ACADEMIC_AFFAIRS,
            List.of(Grant.school(Role.ACADEMIC_AFFAIRS)));
    /** The enrolment term of {@link HoursFixtures}' students. */
    static final TermCode ENROLMENT = TermCode.parse("2025-2026-1");

    @Autowired
    StatusHistory history;
    @Autowired
    HoursFixtures hoursFixtures;
    @Autowired
    HoursLedger ledger;
    @Autowired
    LedgerPages pages;
    @Autowired
    Register register;
    @Autowired
    org.workstudy.hours.internal.RegisterExport registerXlsx;
    @Autowired
    org.workstudy.hours.internal.RegisterPdf registerPdf;
    @Autowired
    Roster roster;
    @Autowired
    Organization organization;
    @Autowired
    Policies policies;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    GraduationAudit graduation;
    @Autowired
    RosterImport imports;
    @Autowired
    RosterExport exports;
    @Autowired
    Accounts accounts;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aSuspensionMovesTheWindowAndA复学IntoALaterCohortKeepsTheEnrolmentPolicyAndEveryHour() throws Exception {
        var x = hoursFixtures.placed(1);
        Student s = x.student();
        LocalDate sem2 = calendar.semesterStart(ENROLMENT, 2).orElseThrow();
        LocalDate sem3 = calendar.semesterStart(ENROLMENT, 3).orElseThrow();
        assertThat(ledger.window(s.id()).until()).isEqualTo(calendar.semesterStart(ENROLMENT, 6).orElseThrow());
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-18", "09:00", "12:00"));

        long suspended = history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.SUSPEND, sem2,
                sem3.minusDays(1), null, "因病休学"));
        assertThat(roster.find(s.id()).orElseThrow().status()).isEqualTo(StudentStatus.SUSPENDED);
        assertThat(accounts.find(s.accountId()).orElseThrow().enabled()).isFalse();
        // work in the suspension (the summer vacation of the suspended term) is refused, naming it
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.hours(s, x.placement(), "2026-07-20", "4")))
                .hasMessageContaining("hours.rule.suspended");

        // a later cohort with a policy version of its own (300 hours)
        int cohort = policies.earliestNewCohort();
        policies.create(ADMIN, new PolicyForm(cohort + "版", cohort, "勤工助学", new BigDecimal("2"),
                new BigDecimal("300"), new BigDecimal("4"), 5, "厦门", new BigDecimal("150"), true, 5,
                LocalTime.of(18, 30), new BigDecimal("8"), new BigDecimal("8"), new BigDecimal("40"), "复学测试"));
        SchoolClass before = organization.schoolClass(x.classId()).orElseThrow();
        long laterClass = organization.saveClass(null, before.majorId(), cohort, cohort + "级复学班" + Fixtures.next(),
                true);
        long resumed = history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.RESUME, sem3, null,
                laterClass, null));

        Student now = roster.find(s.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(StudentStatus.ACTIVE);
        assertThat(now.classId()).isEqualTo(laterClass);
        assertThat(now.enrolmentCohort()).isEqualTo(before.cohort());
        assertThat(accounts.find(s.accountId()).orElseThrow().enabled()).isTrue();
        // the enrolment cohort's version (360 hours, 6 an hour-day), never the new class's (300)
        assertThat(ledger.settings(s.id()).requiredHours()).isEqualByComparingTo("360");
        CurrentUser newCounselor = HoursFixtures.counselor(laterClass);
        assertThat(pages.progress(newCounselor, s.id()).requiredHours()).isEqualByComparingTo("360");
        assertThat(pages.progress(newCounselor, s.id()).hours()).isEqualByComparingTo("3");
        // one suspended term: the window ends a term later
        CountingWindow window = ledger.window(s.id());
        assertThat(window.suspendedTerms()).containsExactly(TermCode.parse("2025-2026-2"));
        assertThat(window.until()).isEqualTo(calendar.semesterStart(ENROLMENT, 7).orElseThrow());
        // scope follows the class: the new counselor sees the whole register, the old one no longer does
        assertThat(ledger.ofStudent(newCounselor, s.id())).hasSize(1);
        assertThatThrownBy(() -> ledger.ofStudent(x.counselor(), s.id())).hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> history.historyOf(x.counselor(), s.id())).hasMessageContaining("error.not-found");
        // the register shows the class history
        assertThat(register.ofStudent(newCounselor, s.id()).classMoves()).singleElement()
                .satisfies(c -> {
                    assertThat(c.fromClassId()).isEqualTo(x.classId());
                    assertThat(c.toClassId()).isEqualTo(laterClass);
                    assertThat(c.kind()).isEqualTo(StatusChangeKind.RESUME);
                });
        // ... and so do its .xlsx and PDF: the classes in order with the date and kind of each move
        var studentRegister = register.ofStudent(newCounselor, s.id());
        String fromClass = organization.schoolClass(x.classId()).orElseThrow().name();
        String toClass = organization.schoolClass(laterClass).orElseThrow().name();
        var xlsx = new java.io.ByteArrayOutputStream();
        registerXlsx.writeStudent(studentRegister, java.util.Locale.SIMPLIFIED_CHINESE, xlsx);
        List<java.util.Map<Integer, String>> rows = cn.idev.excel.FastExcel
                .read(new java.io.ByteArrayInputStream(xlsx.toByteArray())).sheet(0).headRowNumber(0).doReadSync();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("班级沿革");
            assertThat(r.get(1)).startsWith(fromClass).contains("复学", toClass);
        });
        var pdf = new java.io.ByteArrayOutputStream();
        registerPdf.writeStudent(studentRegister, java.util.Locale.SIMPLIFIED_CHINESE, pdf);
        var reader = new com.lowagie.text.pdf.PdfReader(pdf.toByteArray());
        assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1))
                .contains("班级沿革", "复学", toClass);
        reader.close();
        // the graduation audit of the new class's cohort judges them by 360 hours and their own window
        GraduationRow row = graduation.audit(ACADEMIC, cohort, new GraduationFilter(null, null, laterClass))
                .rows().stream().filter(r -> r.studentId() == s.id()).findFirst().orElseThrow();
        assertThat(row.missingHours()).isEqualByComparingTo("357");
        assertThat(row.windowEnd()).isEqualTo(calendar.semesterStart(ENROLMENT, 7).orElseThrow().minusDays(1));
        // each change is in the audit trail
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'student-status' AND entity_id IN (?, ?)")
                .params(String.valueOf(suspended), String.valueOf(resumed)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aChangeOfMajorOrCollegeMovesTheScopeAndKeepsTheHoursAndA留级KeepsTheWindow() {
        var x = hoursFixtures.placed(1);
        Student s = x.student();
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-18", "09:00", "12:00"));
        LocalDate today = LocalDate.now(clock);
        SchoolClass home = organization.schoolClass(x.classId()).orElseThrow();
        long otherMajor = school.schoolClass(home.collegeId());
        long otherCollege = school.schoolClass(school.college());
        LocalDate until = ledger.window(s.id()).until();

        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.TRANSFER_COLLEGE,
                today, null, otherMajor, null))).hasMessageContaining("status.transfer.same-college");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.TRANSFER_MAJOR,
                today, null, null, null))).hasMessageContaining("status.class.required");
        history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.TRANSFER_MAJOR, today, null, otherMajor,
                "转入软件技术"));
        assertThat(ledger.ofStudent(HoursFixtures.counselor(otherMajor), s.id())).hasSize(1);
        assertThatThrownBy(() -> ledger.ofStudent(x.counselor(), s.id())).hasMessageContaining("error.not-found");

        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.TRANSFER_MAJOR,
                today, null, otherMajor, null))).hasMessageContaining("status.transfer.same-major");
        history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.TRANSFER_COLLEGE, today, null,
                otherCollege, null));
        long newCollege = organization.schoolClass(otherCollege).orElseThrow().collegeId();
        CurrentUser newCollegeAdmin = new CurrentUser(0, "ca", "学院", Role.COLLEGE_ADMIN,
                List.of(Grant.of(Role.COLLEGE_ADMIN, newCollege)));
        CurrentUser oldCollegeAdmin = new CurrentUser(0, "cb", "学院", Role.COLLEGE_ADMIN,
                List.of(Grant.of(Role.COLLEGE_ADMIN, home.collegeId())));
        assertThat(pages.progress(newCollegeAdmin, s.id()).hours()).isEqualByComparingTo("3");
        assertThatThrownBy(() -> pages.progress(oldCollegeAdmin, s.id())).hasMessageContaining("error.not-found");

        // 留级: only into a later cohort; the window stays (a repeated year is still study)
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.REPEAT, today,
                null, x.classId(), null))).hasMessageContaining("status.repeat.not-later-cohort");
        SchoolClass c = organization.schoolClass(otherCollege).orElseThrow();
        long nextYear = organization.saveClass(null, c.majorId(), c.cohort() + 1, "留级班" + Fixtures.next(), true);
        history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.REPEAT, today, null, nextYear, null));
        assertThat(roster.find(s.id()).orElseThrow().classId()).isEqualTo(nextYear);
        assertThat(ledger.window(s.id()).until()).isEqualTo(until);
        assertThat(ledger.settings(s.id()).requiredHours()).isEqualByComparingTo("360");
        assertThat(history.historyOf(ADMIN, s.id())).extracting(StatusChange::kind).containsExactly(
                StatusChangeKind.TRANSFER_MAJOR, StatusChangeKind.TRANSFER_COLLEGE, StatusChangeKind.REPEAT);
        assertThat(register.ofStudent(ADMIN, s.id()).classMoves()).hasSize(3);
    }

    @Test
    void a退学EndsCountingAnd毕业ClosesTheAccountAndEachIsRecordedOnlyInItsState() {
        var x = hoursFixtures.placed(2);
        Student leaving = x.students().get(0);
        Student graduating = x.students().get(1);
        LocalDate today = LocalDate.now(clock);

        history.record(ADMIN, new NewStatusChange(leaving.id(), StatusChangeKind.WITHDRAW, today.minusDays(10), null,
                null, "本人申请"));
        assertThat(roster.find(leaving.id()).orElseThrow().status()).isEqualTo(StudentStatus.WITHDRAWN);
        assertThat(ledger.window(leaving.id()).periods().leftOn()).isEqualTo(today.minusDays(10));
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.hours(leaving, x.placement(),
                today.minusDays(3).toString(), "2"))).hasMessageContaining("hours.rule.left");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(leaving.id(), StatusChangeKind.RESUME,
                today, null, x.classId(), null))).hasMessageContaining("status.not-possible");

        history.record(ADMIN, new NewStatusChange(graduating.id(), StatusChangeKind.GRADUATE, today, null, null, null));
        assertThat(roster.find(graduating.id()).orElseThrow().status()).isEqualTo(StudentStatus.GRADUATED);
        assertThat(accounts.find(graduating.accountId()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void refusedChangesWriteNothing() {
        var x = hoursFixtures.placed(1);
        Student s = x.student();
        LocalDate today = LocalDate.now(clock);
        long before = count(s);
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.SUSPEND,
                today.plusDays(1), today.plusDays(100), null, null))).hasMessageContaining("status.date.future");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.SUSPEND, today,
                null, null, null))).hasMessageContaining("status.until.required");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.SUSPEND, today,
                today.minusDays(1), null, null))).hasMessageContaining("status.until.before-start");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.RESUME, today,
                null, x.classId(), null))).isInstanceOf(BusinessException.class)
                .hasMessageContaining("status.not-possible");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.SUSPEND, today,
                today.plusDays(30), null, "x".repeat(201)))).hasMessageContaining("error.too-long");
        // a counselor reads but does not record
        assertThatThrownBy(() -> history.record(x.counselor(), new NewStatusChange(s.id(), StatusChangeKind.SUSPEND,
                today, today.plusDays(30), null, null))).hasMessageContaining("error.forbidden");
        assertThat(count(s)).isEqualTo(before);
        assertThat(roster.find(s.id()).orElseThrow().status()).isEqualTo(StudentStatus.ACTIVE);

        history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.SUSPEND, today.minusDays(5),
                today.plusDays(30), null, null));
        // changes are entered in date order
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.RESUME,
                today.minusDays(6), null, x.classId(), null))).hasMessageContaining("status.date.before-latest");
        assertThatThrownBy(() -> history.record(ADMIN, new NewStatusChange(s.id(), StatusChangeKind.RESUME,
                today.minusDays(5), null, x.classId(), null)))
                .hasMessageContaining("status.resume.not-after-suspension");
        assertThat(count(s)).isEqualTo(before + 1);
    }

    @Test
    void theRosterImportsA异动SheetAllOrNothingWithRowByRowErrors() throws Exception {
        var x = hoursFixtures.placed(2);
        Student a = x.students().get(0);
        Student b = x.students().get(1);
        String today = LocalDate.now(clock).toString();
        String className = organization.schoolClass(x.classId()).orElseThrow().name();
        long beforeA = count(a);

        // row 2 is fine, row 3 resumes a student who is not suspended, row 4 has an unknown kind: both reported
        byte[] bad = workbook(List.of(
                Arrays.asList("学号", "异动类型", "生效日期", "休学至", "转入班级", "原因"),
                Arrays.asList(a.studentNo(), "休学", today, "2027-08-31", null, "因病"),
                Arrays.asList(b.studentNo(), "复学", today, null, className, null),
                Arrays.asList(b.studentNo(), "请假", today, null, null, null)));
        ImportResult refused = imports.importStudents(new ByteArrayInputStream(bad), ADMIN);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.errors()).extracting(e -> e.row() + ":" + e.messageKey())
                .containsExactlyInAnyOrder("3:status.not-possible", "4:status.import.kind.invalid");
        assertThat(count(a)).isEqualTo(beforeA);
        assertThat(roster.find(a.id()).orElseThrow().status()).isEqualTo(StudentStatus.ACTIVE);

        // a 休学 and the 复学 of the same student in one file, in row order
        byte[] good = workbook(List.of(
                Arrays.asList("学号", "异动类型", "生效日期", "休学至", "转入班级", "原因"),
                Arrays.asList(a.studentNo(), "休学", LocalDate.now(clock).minusDays(20).toString(), "2027-08-31", null,
                        "因病"),
                Arrays.asList(a.studentNo(), "复学", today, null, className, null)));
        ImportResult done = imports.importStudents(new ByteArrayInputStream(good), ADMIN);
        assertThat(done.errors()).isEmpty();
        assertThat(done.statusChanges()).isEqualTo(2);
        assertThat(history.historyOf(ADMIN, a.id())).extracting(StatusChange::kind)
                .containsExactly(StatusChangeKind.SUSPEND, StatusChangeKind.RESUME);
        assertThat(roster.find(a.id()).orElseThrow().status()).isEqualTo(StudentStatus.ACTIVE);
    }

    @Test
    void theTemplateHasAnEmpty异动SheetAndAnEmpty异动SheetRecordsNothing() {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        exports.writeStudentTemplate(template);
        assertThat(org.workstudy.shared.XlsxSheet.sheetNames(template.toByteArray()))
                .containsExactly("学生名单", "异动");

        String className = organization.schoolClass(school.schoolClass(school.college())).orElseThrow().name();
        String no = String.format("S%09d", Fixtures.next());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelWriter w = FastExcel.write(out).build()) {
            w.write(List.of(Arrays.asList("学号", "姓名", "性别", "班级", "入学学期"),
                    Arrays.asList(no, "模板学生", "女", className, "2025-2026-1")),
                    FastExcel.writerSheet(0, "学生名单").needHead(false).build());
            w.write(List.of(Arrays.asList("学号", "异动类型", "生效日期", "休学至", "转入班级", "原因")),
                    FastExcel.writerSheet(1, "异动").needHead(false).build());
        }
        ImportResult result = imports.importStudents(new ByteArrayInputStream(out.toByteArray()), ADMIN);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.statusChanges()).isZero();
        assertThat(roster.findByNumber(no).orElseThrow().enrolmentCohort()).isEqualTo(2024);
    }

    private long count(Student s) {
        return jdbc.sql("SELECT count(*) FROM org_status_change WHERE student_id = ?").param(s.id())
                .query(Long.class).single();
    }

    /** A workbook with an empty students sheet and the 异动 sheet. */
    private static byte[] workbook(List<List<Object>> changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelWriter w = FastExcel.write(out).build()) {
            w.write(List.of(Arrays.asList("学号", "姓名", "性别", "班级", "入学学期")),
                    FastExcel.writerSheet(0, "学生").needHead(false).build());
            w.write(changes, FastExcel.writerSheet(1, "异动").needHead(false).build());
        }
        return out.toByteArray();
    }
}
