package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.RosterFixtures;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Each role's first journey in a real Chromium against the demo school: what a student, a counselor, a vice dean and
 * an administrator see after signing in. Screenshots go to target/screenshots.
 */
@IntegrationTest
class RoleJourneysBrowserTest extends BrowserJourney {

    private static final String DEMO_PASSWORD = "Demo1234";

    @Autowired
    Roster roster;
    @Autowired
    Accounts accounts;
    @Autowired
    Organization organization;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aStudentActivatesTheirAccountAndSeesTheirRecordOnAPhone() {
        Student student = roster.find(jdbc.sql("SELECT min(id) FROM org_student WHERE status = 'ACTIVE'"
                + " AND account_id IN (SELECT id FROM identity_account WHERE password_hash IS NULL)")
                .query(Long.class).single()).orElseThrow();
        Page page = browser().phone();
        Browser.login(page, student.studentNo(), fixtures.activationCode(student.studentNo()));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/activate"));
        Browser.screenshot(page, "student-1-activation");
        page.fill("#next", STUDENT_PASSWORD);
        page.fill("#repeat", STUDENT_PASSWORD);
        page.click("#activate-submit");
        assertThat(page.locator("h1")).containsText(student.name());
        assertThat(page.locator("main")).containsText(student.studentNo());
        assertThat(page.locator("body")).containsText("/ 360");
        Browser.screenshot(page, "student-2-home-phone");
        page.navigate("/org/me");
        assertThat(page.locator("#student-phone")).hasText(student.phone());
        Browser.screenshot(page, "student-3-my-record-phone");
        Response response = page.navigate("/org/students");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("无权访问");
        Browser.screenshot(page, "student-4-forbidden");
    }

    @Test
    void aCounselorSeesOnlyTheirOwnClasses() {
        long account = accounts.findByUsername("fdy012").orElseThrow().id();
        Set<String> ownClasses = accounts.grantsOf(account).stream().filter(g -> g.role() == Role.COUNSELOR)
                .map(g -> organization.schoolClass(g.scopeId()).orElseThrow().name()).collect(Collectors.toSet());
        Page page = browser().desktop();
        Browser.login(page, "fdy012", DEMO_PASSWORD);
        assertThat(page.locator("#user-menu")).containsText("辅导员");
        Browser.screenshot(page, "counselor-1-home");
        page.navigate("/org/students");
        List<String> shownClasses = page.locator("#students tbody tr td:nth-child(4)").allInnerTexts();
        assertThat(shownClasses).isNotEmpty();
        assertThat(ownClasses).containsAll(shownClasses);
        Browser.screenshot(page, "counselor-2-students");
        long otherCollegeStudent = jdbc.sql("SELECT min(s.id) FROM org_student s JOIN org_class c ON c.id = s.class_id"
                + " JOIN org_college g ON g.id = c.college_id WHERE g.code = '06'").query(Long.class).single();
        Response response = page.navigate("/org/students/" + otherCollegeStudent);
        assertThat(response.status()).isEqualTo(404);
        Browser.screenshot(page, "counselor-3-other-college-student-not-found");
        response = page.navigate("/admin/accounts");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("无权访问");
    }

    @Test
    void aViceDeanSeesTheirCollegesClasses() {
        Page page = browser().desktop();
        Browser.login(page, "fuyuanzhang01", DEMO_PASSWORD);
        page.navigate("/org/classes");
        List<String> colleges = page.locator("#classes tbody tr td:nth-child(4)").allInnerTexts();
        assertThat(colleges).isNotEmpty().allMatch("信息工程学院"::equals);
        Browser.screenshot(page, "vice-dean-1-classes");
    }

    @Test
    void anAdministratorManagesAccountsAndReadsTheAuditTrail() {
        Page page = browser().desktop();
        Browser.login(page, "admin", DEMO_PASSWORD);
        assertThat(page.locator("main")).containsText("尚未指定辅导员的班级");
        Browser.screenshot(page, "admin-1-home");
        page.navigate("/admin/accounts?q=fdy012");
        page.click("text=fdy012");
        assertThat(page.locator("h1")).containsText("fdy012");
        Browser.screenshot(page, "admin-2-account");
        page.navigate("/admin/audit?entityType=student");
        assertThat(page.locator(".audit-table tbody tr").first()).containsText("学生");
        Browser.screenshot(page, "admin-3-audit");
        page.navigate("/org/structure");
        Browser.screenshot(page, "admin-4-structure");
        page.navigate("/org/students?lang=en");
        assertThat(page.locator("h1")).hasText("Students");
        Browser.screenshot(page, "admin-5-students-english");
        page.navigate("/?lang=zh_CN");
    }

    @Test
    void anAdministratorImportsARosterAllOrNothingThroughThePage() throws Exception {
        String suffix = RosterFixtures.unique();
        List<String> classes = RosterFixtures.classes(organization, suffix, 1);
        String no = "B" + suffix.replaceAll("\\D", "");
        byte[] bad = RosterFixtures.xlsx(RosterFixtures.STUDENT_HEADER, List.of(
                RosterFixtures.student(no + "1", "甲同学", classes.get(0), "13800001111", RosterFixtures.idCard(1)),
                RosterFixtures.student(no + "2", "乙同学", "不存在的班", "12345", RosterFixtures.idCard(2))));
        Path badFile = Files.createTempFile("roster-bad", ".xlsx");
        Files.write(badFile, bad);
        Page page = browser().desktop();
        Browser.login(page, "admin", DEMO_PASSWORD);
        page.navigate("/org/students/import");
        Browser.screenshot(page, "admin-6-import-page");
        page.setInputFiles("#file", badFile);
        page.click("#roster-import button[type=submit]");
        assertThat(page.locator("#import-errors")).isVisible();
        assertThat(page.locator("#import-errors")).containsText("3");
        Browser.screenshot(page, "admin-7-import-errors");
        assertThat(roster.findByNumber(no + "1")).isEmpty();

        byte[] good = RosterFixtures.xlsx(RosterFixtures.STUDENT_HEADER, List.of(
                RosterFixtures.student(no + "1", "甲同学", classes.get(0), "13800001111", RosterFixtures.idCard(1)),
                RosterFixtures.student(no + "2", "乙同学", classes.get(0), "13800002222", RosterFixtures.idCard(2))));
        Path goodFile = Files.createTempFile("roster-good", ".xlsx");
        Files.write(goodFile, good);
        page.setInputFiles("#file", goodFile);
        page.click("#roster-import button[type=submit]");
        assertThat(page.locator("#import-done")).isVisible();
        Browser.screenshot(page, "admin-8-import-done");
        assertThat(roster.findByNumber(no + "1")).isPresent();
        assertThat(roster.findByNumber(no + "2")).isPresent();
        page.navigate("/admin/calendar");
        Browser.screenshot(page, "admin-9-calendar");
    }

    @Test
    void aWrongPasswordShowsTheReasonOnTheLoginPage() {
        String user = "browser" + System.nanoTime();
        accounts.create(new org.workstudy.identity.NewAccount(user, "某人", "Right1234", false,
                List.of(Grant.school(Role.LEADER))));
        Page page = browser().phone();
        Browser.login(page, user, "Wrong1234");
        assertThat(page.locator("#login-error")).hasText("用户名或密码错误。");
        Browser.screenshot(page, "login-error-phone");
    }

}
