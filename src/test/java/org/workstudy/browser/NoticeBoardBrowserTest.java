package org.workstudy.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.notices.NoticeDraft;
import org.workstudy.notices.NoticeFixtures;
import org.workstudy.notices.NoticeItem;
import org.workstudy.notices.NoticeKind;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * The notice board (公示栏): a student of the college reads a running notice on a phone and objects to one line; the
 * center director answers from the open objections and the line is withdrawn. Screenshots: target/screenshots.
 */
@IntegrationTest
class NoticeBoardBrowserTest extends BrowserJourney {

    @Autowired
    NoticeFixtures notices;
    @Autowired
    PlacementFixtures students;
    @Autowired
    Fixtures school;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    Clock clock;

    @Test
    void aStudentObjectsAndTheDirectorWithdrawsTheLine() throws Exception {
        long college = school.college();
        long classId = school.schoolClass(college);
        List<Student> all = students.students(classId, 4);
        Student reader = all.get(3);
        LocalDate on = LocalDate.now(clock);
        while (!calendar.isWorkingDay(on)) {
            on = on.minusDays(1); // the last working day: the notice runs today
        }
        List<NoticeItem> items = all.subList(0, 3).stream()
                .map(s -> new NoticeItem(s.id(), s.id(), "360 学时")).toList();
        String title = "2024 级勤工助学学分认定名单（第 " + Fixtures.next() + " 批）";
        try (AutoCloseable quiet = notices.quietOutcomes(NoticeKind.RECOGNITION,
                Set.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR))) {
            long id = notices.publish(new NoticeDraft(NoticeKind.RECOGNITION, 1L, title, college, 2024, 5, items), on);

            Page page = studentOnPhone(reader);
            page.navigate("/notices");
            assertThat(page.locator("#notice-board")).containsText(title);
            assertThat(page.locator("#notice-board")).containsText("公示中");
            Browser.screenshot(page, "notices-1-board-phone");
            page.click("text=" + title);
            assertThat(page.locator("#notice-lines")).containsText(all.get(0).studentNo());
            assertThat(page.locator("#days-left")).containsText("还剩");
            Browser.screenshot(page, "notices-2-detail-phone");

            page.selectOption("#itemId", page.locator("#itemId option").nth(2).getAttribute("value"));
            page.fill("#reason", "据我所知，该同学本学期并未在岗，工时存疑，请核实。");
            page.click("#submit-objection");
            assertThat(page.locator(".alert-success")).containsText("异议已提交");
            assertThat(page.locator("#objections")).containsText("待答复");
            Browser.screenshot(page, "notices-3-objection-raised-phone");

            Page director = browser().desktop();
            Browser.login(director, "zhuren", "Demo1234");
            director.navigate("/notices/objections");
            assertThat(director.locator("body")).containsText("工时存疑");
            Browser.screenshot(director, "notices-4-director-open-objections");
            director.navigate("/notices/" + id);
            director.locator("#objections textarea").first().fill("经核实，该生本学期工时未达标，从名单中撤下。");
            director.locator("#objections button[name=uphold][value=true]").first().click();
            assertThat(director.locator(".alert-success")).containsText("撤下");
            assertThat(director.locator("#notice-lines")).containsText("已撤下");
            Browser.screenshot(director, "notices-5-director-upheld");

            page.navigate("/notices/" + id);
            assertThat(page.locator("#objections")).containsText("异议成立");
            Browser.screenshot(page, "notices-6-student-answer-phone");
        }
    }
}
