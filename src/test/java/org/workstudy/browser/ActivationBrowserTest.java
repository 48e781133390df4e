package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import cn.idev.excel.FastExcel;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * A counselor downloads the class activation sheet (PDF and .xlsx); a student of the class activates their account on
 * a phone with the code from it, and the code does not work a second time. Screenshots in target/screenshots.
 */
@IntegrationTest
class ActivationBrowserTest extends BrowserJourney {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Roster roster;
    @Autowired
    Accounts accounts;

    @Test
    void aStudentActivatesWithTheCodeFromTheCounselorsSheetOnAPhone() throws Exception {
        long classId = fixtures.schoolClass(fixtures.college());
        List<Student> students = List.of(fixtures.student(classId), fixtures.student(classId)).stream()
                .map(id -> roster.find(id).orElseThrow()).toList();
        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, classId));

        Page desk = browser().desktop();
        Browser.login(desk, counselor, Fixtures.PASSWORD);
        desk.navigate("/org/classes/" + classId);
        assertThat(desk.locator("#activation-awaiting")).containsText("2 名学生尚未激活");
        Browser.screenshot(desk, "activation-1-class-page");
        Download pdf = desk.waitForDownload(() -> desk.click("#activation-pdf"));
        Path pdfFile = Browser.SCREENSHOTS.resolve("activation-sheet.pdf");
        pdf.saveAs(pdfFile);
        assertThat(Files.readString(pdfFile, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        // the .xlsx issues the codes anew: those on the PDF printed a moment ago stop working
        Download xlsx = desk.waitForDownload(() -> desk.click("#activation-xlsx"));
        Path sheet = Browser.SCREENSHOTS.resolve("activation-sheet.xlsx");
        xlsx.saveAs(sheet);
        List<Map<Integer, String>> rows = FastExcel.read(sheet.toFile()).sheet().doReadSync();
        assertThat(rows).hasSize(2);
        Student student = students.get(0);
        String code = rows.stream().filter(r -> r.get(0).equals(student.studentNo())).findFirst().orElseThrow().get(2);

        Page phone = browser().phone();
        phone.navigate("/login");
        assertThat(phone.locator("#first-sign-in")).isVisible();
        Browser.screenshot(phone, "activation-2-login-phone");
        Browser.login(phone, student.studentNo(), code);
        assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/activate"));
        assertThat(phone.locator("#code")).hasValue(code);
        phone.fill("#next", "password1");
        phone.fill("#repeat", "password1");
        phone.click("#activate-submit");
        assertThat(phone.locator("#activation-error")).containsText("常见密码");
        Browser.screenshot(phone, "activation-3-weak-password-phone");
        phone.fill("#next", STUDENT_PASSWORD);
        phone.fill("#repeat", STUDENT_PASSWORD);
        phone.click("#activate-submit");
        assertThat(phone.locator("h1")).containsText(student.name());
        assertThat(phone.locator("body")).containsText("密码已设置");
        Browser.screenshot(phone, "activation-4-home-phone");
        assertThat(accounts.findByUsername(student.studentNo()).orElseThrow().awaitingActivation()).isFalse();

        // the code is spent
        Page again = browser().phone();
        Browser.login(again, student.studentNo(), code);
        assertThat(again.locator("#login-error")).isVisible();
        again.navigate("/activate");
        again.fill("#username", student.studentNo());
        again.fill("#code", code);
        again.fill("#next", "Another2026go");
        again.fill("#repeat", "Another2026go");
        again.click("#activate-submit");
        assertThat(again.locator("#activation-error")).containsText("激活码不正确");
        Browser.screenshot(again, "activation-5-code-spent-phone");

        desk.navigate("/org/classes/" + classId);
        assertThat(desk.locator("#activation-awaiting")).containsText("1 名学生尚未激活");
    }
}
