package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workstudy.organization.RosterFixtures.STUDENT_HEADER;
import static org.workstudy.organization.RosterFixtures.in;
import static org.workstudy.organization.RosterFixtures.student;
import static org.workstudy.organization.RosterFixtures.xlsx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Activations;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.internal.RosterImport;
import org.workstudy.shared.RowError;
import org.workstudy.support.IntegrationTest;

@IntegrationTest
class RosterImportTest {

    @Autowired
    Activations activations;
    @Autowired
    RosterImport imports;
    @Autowired
    Roster roster;
    @Autowired
    Organization organization;
    @Autowired
    StaffDirectory staffDirectory;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    String sfx;
    List<String> classes;

    @BeforeEach
    void school() {
        sfx = RosterFixtures.unique();
        classes = RosterFixtures.classes(organization, sfx, 2);
    }

    String no(int i) {
        return "S" + sfx + String.format("%03d", i);
    }

    @Test
    void goodFileImportsAllRowsWithAccountsAndAuditTrail() {
        String id = RosterFixtures.idCard(7);
        byte[] file = xlsx(STUDENT_HEADER, List.of(
                student(no(1), "张三", classes.get(0), "13800000001", id),
                student(no(2), "李四", classes.get(1), null, null),
                Arrays.asList(no(3), "王五", "男", classes.get(0), "2024-2025-1", null, null, null)));

        ImportResult result = imports.importStudents(in(file));

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(3);
        Student first = roster.findByNumber(no(1)).orElseThrow();
        assertThat(first.name()).isEqualTo("张三");
        assertThat(first.gender()).isEqualTo(Gender.FEMALE);
        assertThat(first.phone()).isEqualTo("13800000001");
        assertThat(first.idCardNo()).isEqualTo(id);
        assertThat(roster.findByNumber(no(3)).orElseThrow().status()).isEqualTo(StudentStatus.ACTIVE);
        for (int i = 1; i <= 3; i++) {
            Student s = roster.findByNumber(no(i)).orElseThrow();
            AccountView account = accounts.findByUsername(no(i)).orElseThrow();
            assertThat(account.awaitingActivation()).isTrue();
            assertThat(account.grants()).containsExactly(Grant.of(Role.STUDENT, s.id()));
            assertThat(s.accountId()).isEqualTo(account.id());
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'student' AND action = 'create'"
                    + " AND entity_id = ?").param(String.valueOf(s.id())).query(Long.class).single()).isEqualTo(1);
        }
        // no password at all, so none derived from the ID card or the 学号: each awaits activation with a code
        assertThat(hash(no(1))).isNull();
        assertThat(hash(no(2))).isNull();
        assertThat(accounts.findByUsername(no(1)).orElseThrow().awaitingActivation()).isTrue();
        // the audit trail never holds personal data by value
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE changes LIKE ?").param("%" + id + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void columnsAreFoundByHeaderInAnyOrderBelowATitleRow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("2024级新生名单", null, null, null, null));
        rows.add(Arrays.asList("班级", "姓名*", "入学学期", "备注", "性别", "学号（必填）"));
        rows.add(Arrays.asList(classes.get(0), "赵六", "2024-2025-1", "任意备注", "男", no(1)));
        rows.add(Arrays.asList(null, null, null, null, null, null));
        // a 学号 typed as a number in Excel
        long numeric = Long.parseLong("9" + sfx + "01");
        rows.add(Arrays.asList(classes.get(1), "钱七", "2024-2025-1", null, "女", numeric));
        FastExcel.write(out).sheet("Sheet1").needHead(false).doWrite(rows);

        ImportResult result = imports.importStudents(in(out.toByteArray()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(2);
        assertThat(roster.findByNumber(no(1))).isPresent();
        assertThat(roster.findByNumber(String.valueOf(numeric))).isPresent();
    }

    @Test
    void badRowsAreAllReportedWithTheirExcelRowAndNothingIsWritten() {
        long before = roster.count();
        String longName = "长".repeat(51);
        byte[] file = xlsx(STUDENT_HEADER, List.of(
                student(no(1), "正确", classes.get(0), null, null),                                        // row 2
                student(no(2), null, classes.get(0), null, null),                                          // 3
                Arrays.asList(no(3), "性别错", "M", classes.get(0), "2024-2025-1", null, null, null),      // 4
                student(no(4), "班级错", "没有这个班" + sfx, null, null),                                   // 5
                Arrays.asList(no(5), "学期错", "男", classes.get(0), "2024-2026-1", null, null, null),     // 6
                student(no(6), "手机错", classes.get(0), "1380000000", null),                             // 7
                student(no(7), "身份证错", classes.get(0), null, "350203200502301234"),                   // 8
                student(no(8), longName, classes.get(0), null, null),                                     // 9
                Arrays.asList(no(9), "状态错", "男", classes.get(0), "2024-2025-1", "在校", null, null),    // 10
                student("12", "学号错", classes.get(0), null, null),                                      // 11
                Arrays.asList(null, null, null, classes.get(0), null, null, null, null),                   // 12
                student(no(13), "正确", classes.get(1), null, null)));                                    // 13

        ImportResult result = imports.importStudents(in(file));

        assertThat(result.ok()).isFalse();
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "姓名", "roster.import.required"),
                        org.assertj.core.groups.Tuple.tuple(4, "性别", "roster.import.gender.invalid"),
                        org.assertj.core.groups.Tuple.tuple(5, "班级", "roster.import.class.unknown"),
                        org.assertj.core.groups.Tuple.tuple(6, "入学学期", "roster.import.term.invalid"),
                        org.assertj.core.groups.Tuple.tuple(7, "手机号", "roster.import.phone.invalid"),
                        org.assertj.core.groups.Tuple.tuple(8, "身份证号", "roster.import.id-card.invalid"),
                        org.assertj.core.groups.Tuple.tuple(9, "姓名", "roster.import.too-long"),
                        org.assertj.core.groups.Tuple.tuple(10, "学籍状态", "roster.import.status.invalid"),
                        org.assertj.core.groups.Tuple.tuple(11, "学号", "roster.import.student-no.invalid"),
                        org.assertj.core.groups.Tuple.tuple(12, "学号", "roster.import.required"),
                        org.assertj.core.groups.Tuple.tuple(12, "姓名", "roster.import.required"),
                        org.assertj.core.groups.Tuple.tuple(12, "性别", "roster.import.required"),
                        org.assertj.core.groups.Tuple.tuple(12, "入学学期", "roster.import.required"));
        assertThat(roster.count()).isEqualTo(before);
        assertThat(roster.findByNumber(no(1))).isEmpty();
        assertThat(roster.findByNumber(no(13))).isEmpty();
        assertThat(accounts.findByUsername(no(1))).isEmpty();
    }

    @Test
    void duplicateNumbersWithinTheFileAndAgainstTheDatabaseAreReported() {
        assertThat(imports.importStudents(in(xlsx(STUDENT_HEADER, List.of(
                student(no(1), "已在库", classes.get(0), null, null))))).ok()).isTrue();
        long before = roster.count();

        ImportResult result = imports.importStudents(in(xlsx(STUDENT_HEADER, List.of(
                student(no(2), "新生", classes.get(0), null, null),          // row 2
                student(no(1), "重复库中", classes.get(0), null, null),      // row 3: in the database
                student(no(3), "新生甲", classes.get(0), null, null),        // row 4
                student(no(3).toLowerCase(), "新生乙", classes.get(0), null, null))))); // row 5: same as row 4

        assertThat(result.errors()).extracting(RowError::row, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "roster.import.student-no.exists"),
                org.assertj.core.groups.Tuple.tuple(5, "roster.import.duplicate"));
        assertThat(result.errors().get(1).args()).containsExactly(no(3).toLowerCase(), "4");
        assertThat(roster.count()).isEqualTo(before);
    }

    @Test
    void aStudentNumberUsedAsAnotherAccountsUsernameIsReportedAndNothingWritten() {
        accounts.create(new org.workstudy.identity.NewAccount(no(2), "同名账号", "Passw0rd1", false, List.of()));
        long before = roster.count();

        ImportResult result = imports.importStudents(in(xlsx(STUDENT_HEADER, List.of(
                student(no(1), "甲", classes.get(0), null, null),
                student(no(2), "乙", classes.get(0), null, null)))));

        assertThat(result.errors()).extracting(RowError::row, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "roster.import.username-taken"));
        assertThat(roster.count()).isEqualTo(before);
        assertThat(accounts.findByUsername(no(1))).isEmpty();
    }

    @Test
    void aFileThatIsNotAnXlsxIsOneClearError() throws Exception {
        byte[] text = "学号,姓名\n2024001,张三\n".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] truncated = Arrays.copyOf(xlsx(STUDENT_HEADER, List.of(student(no(1), "甲", classes.get(0), null,
                null))), 300);
        for (byte[] file : List.of(text, png, zip.toByteArray(), truncated)) {
            ImportResult result = imports.importStudents(in(file));
            assertThat(result.errors()).extracting(RowError::messageKey).containsExactly("roster.import.not-xlsx");
        }
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(imports.importStudents(in(xls)).errors()).extracting(RowError::messageKey)
                .containsExactly("roster.import.xls");
    }

    @Test
    void anEmptyFileOrAHeaderOnlySheetHasNoData() {
        assertThat(imports.importStudents(in(new byte[0])).errors()).extracting(RowError::messageKey)
                .containsExactly("roster.import.no-data");
        assertThat(imports.importStudents(in(xlsx(STUDENT_HEADER, List.of()))).errors())
                .extracting(RowError::messageKey).containsExactly("roster.import.no-data");
        assertThat(imports.importStaff(in(new byte[0])).errors()).extracting(RowError::messageKey)
                .containsExactly("roster.import.no-data");
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        ImportResult result = imports.importStudents(in(xlsx(List.of("学号", "姓名", "性别", "入学学期"),
                List.of(List.of(no(1), "甲", "男", "2024-2025-1")))));
        assertThat(result.errors()).extracting(RowError::column, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("班级", "roster.import.column-missing"));

        ImportResult noHeader = imports.importStudents(in(xlsx(List.of("编号", "名字"), List.of(List.of("1", "甲")))));
        assertThat(noHeader.errors()).extracting(RowError::column)
                .containsExactly("学号", "姓名", "性别", "班级", "入学学期");
    }

    @Test
    void threeThousandRowsImportInOneGo() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(student("B" + sfx + String.format("%04d", i), "学生" + i, classes.get(i % 2),
                    "139" + String.format("%08d", i), i % 3 == 0 ? null : RosterFixtures.idCard(i)));
        }
        byte[] file = xlsx(STUDENT_HEADER, rows);
        long before = roster.count();
        long start = System.nanoTime();

        ImportResult result = imports.importStudents(in(file));

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("RosterImportTest: 3,000-row import (%d KB) took %d ms%n", file.length / 1024, millis);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(3000);
        assertThat(roster.count()).isEqualTo(before + 3000);
    }

    @Test
    void staffImportCreatesAccountsWithGrantsAwaitingActivation() {
        String college = RosterFixtures.collegeName(sfx);
        long collegeId = organization.colleges().stream().filter(c -> c.name().equals(college)).findFirst()
                .orElseThrow().id();
        List<String> header = List.of("工号", "姓名", "学院", "手机号", "角色", "所带班级");
        byte[] file = xlsx(header, List.of(
                Arrays.asList("T" + sfx + "1", "辅导员甲", college, "13900000001", "辅导员",
                        classes.get(0) + "、" + classes.get(1)),
                Arrays.asList("T" + sfx + "2", "副院长乙", college, null, "主管副院长，学院勤工助学负责人", null),
                Arrays.asList("T" + sfx + "3", "中心丙", null, null, "勤工助学中心", null),
                Arrays.asList("X" + sfx.substring(0, 2), "无角色丁", null, null, null, null)));

        ImportResult result = imports.importStaff(in(file));

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(4);
        long class1 = organization.classByName(classes.get(0)).orElseThrow().id();
        long class2 = organization.classByName(classes.get(1)).orElseThrow().id();
        assertThat(accounts.findByUsername("T" + sfx + "1").orElseThrow().grants())
                .containsExactly(Grant.of(Role.COUNSELOR, class1), Grant.of(Role.COUNSELOR, class2));
        assertThat(accounts.findByUsername("T" + sfx + "2").orElseThrow().grants())
                .containsExactly(Grant.of(Role.VICE_DEAN, collegeId), Grant.of(Role.COLLEGE_ADMIN, collegeId));
        assertThat(accounts.findByUsername("T" + sfx + "3").orElseThrow().grants())
                .containsExactly(Grant.school(Role.CENTER_STAFF));
        Staff counselor = staffDirectory.findByNumber("T" + sfx + "1").orElseThrow();
        assertThat(counselor.collegeId()).isEqualTo(collegeId);
        // no password derived from the 工号: each account awaits activation, its code handed back once for the importer
        assertThat(accounts.findByUsername("T" + sfx + "1").orElseThrow().awaitingActivation()).isTrue();
        assertThat(hash("T" + sfx + "1")).isNull();
        assertThat(result.activationCodes()).extracting(ActivationSlip::number)
                .containsExactly("T" + sfx + "1", "T" + sfx + "2", "T" + sfx + "3", "X" + sfx.substring(0, 2));
        ActivationSlip first = result.activationCodes().get(0);
        assertThat(first.code()).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        assertThat(activations.check("T" + sfx + "1", first.code())).isEqualTo(Activations.Check.VALID);
    }

    @Test
    void badStaffRowsAreAllReportedAndNothingIsWritten() {
        String college = RosterFixtures.collegeName(sfx);
        List<String> header = List.of("工号", "姓名", "学院", "手机号", "角色", "所带班级");
        byte[] file = xlsx(header, List.of(
                Arrays.asList("T" + sfx + "1", "正确", college, null, "辅导员", classes.get(0)),    // 2
                Arrays.asList("T" + sfx + "2", "角色错", null, null, "院长", null),                   // 3
                Arrays.asList("T" + sfx + "3", "缺学院", null, null, "主管副院长", null),             // 4
                Arrays.asList("T" + sfx + "4", "缺班级", college, null, "辅导员", null),              // 5
                Arrays.asList("T" + sfx + "5", "班级错", college, null, "辅导员", "无此班" + sfx),    // 6
                Arrays.asList("T" + sfx + "6", "学院错", "无此学院" + sfx, null, null, null),         // 7
                Arrays.asList("T" + sfx + "1", "重复", null, null, null, null)));                     // 8

        ImportResult result = imports.importStaff(in(file));

        assertThat(result.errors()).extracting(RowError::row, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "roster.import.role.unknown"),
                org.assertj.core.groups.Tuple.tuple(4, "roster.import.role.needs-college"),
                org.assertj.core.groups.Tuple.tuple(5, "roster.import.role.needs-classes"),
                org.assertj.core.groups.Tuple.tuple(6, "roster.import.class.unknown"),
                org.assertj.core.groups.Tuple.tuple(7, "roster.import.college.unknown"),
                org.assertj.core.groups.Tuple.tuple(8, "roster.import.duplicate"));
        assertThat(staffDirectory.findByNumber("T" + sfx + "1")).isEmpty();
        assertThat(accounts.findByUsername("T" + sfx + "1")).isEmpty();
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM identity_account WHERE username = ?").param(username)
                .query(String.class).optional().orElse(null);
    }
}
