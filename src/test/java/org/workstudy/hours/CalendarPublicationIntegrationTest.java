package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.DayKind;
import org.workstudy.calendar.SpecialDay;
import org.workstudy.calendar.SpecialDayKind;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;
import org.workstudy.hours.internal.LedgerPages;

/**
 * Publishing a calendar year (issue 12, item 4): the import of the State Council arrangement is all-or-nothing, and
 * the records entered on the year's provisional dates are re-checked: one that no longer counts is flagged to its
 * counselor, never changed. The test makes 2026 provisional without its 调休 Saturday 10 October, records daytime work
 * that Saturday (a weekend then), and imports the published arrangement back.
 */
@IntegrationTest
class CalendarPublicationIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final LocalDate MAKEUP_SATURDAY = LocalDate.of(2026, 10, 10);

    @Autowired
    AcademicCalendar calendar;
    @Autowired
    HoursLedger ledger;
    @Autowired
    LedgerPages pages;
    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private List<SpecialDay> published2026;

    @AfterEach
    void restore2026() {
        if (published2026 != null && !calendar.isPublished(2026)) {
            // the test failed half-way: put 2026 back as it was for the other tests
            if (calendar.specialDays(2026).stream().noneMatch(d -> d.date().equals(MAKEUP_SATURDAY))) {
                calendar.addSpecialDay(MAKEUP_SATURDAY, SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休");
            }
            jdbc.sql("INSERT INTO cal_year (year, source, published_at, published_by) VALUES (2026, 'STANDARD', now(),"
                    + " 'test')").update();
        }
    }

    @Test
    void theImportRefusesAMakeUpDayThatIsNoWeekendChangesNothingAndThenPublishesAndFlagsWhatNoLongerCounts()
            throws Exception {
        published2026 = calendar.specialDays(2026);
        assertThat(published2026).contains(new SpecialDay(MAKEUP_SATURDAY, SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休"));
        // 2026 as it would have stood before the State Council's notice: no make-up Saturday, not published
        jdbc.sql("DELETE FROM cal_year WHERE year = 2026").update();
        calendar.removeSpecialDay(MAKEUP_SATURDAY);
        assertThat(calendar.kindOf(MAKEUP_SATURDAY)).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.describe(MAKEUP_SATURDAY).provisional()).isTrue();

        var x = fixtures.placed(1);
        String counselorName = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        long counselorAccount = jdbc.sql("SELECT id FROM identity_account WHERE username = ?").param(counselorName)
                .query(Long.class).single();
        long onMakeUpDay = ledger.record(x.counselor(), HoursFixtures.work(x.student(), x.placement(), "2026-10-10",
                "09:00", "12:00"));
        long onWeekend = ledger.record(x.counselor(), HoursFixtures.work(x.student(), x.placement(), "2026-10-17",
                "09:00", "12:00"));
        WorkRecordView before = view(x, onMakeUpDay);
        assertThat(before.status()).isEqualTo(RecordStatus.COUNTED);
        assertThat(before.provisionalDate()).isTrue();
        assertThat(before.calendarFlag()).isNull();

        Cookie admin = Logins.login(mvc, school.account(Grant.school(Role.ADMIN)), Fixtures.PASSWORD);
        String page = mvc.perform(get("/admin/calendar").param("year", "2026").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("暂定", "导入 2026 年安排");
        byte[] template = mvc.perform(get("/admin/calendar/years/2026/template").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(template).startsWith('P', 'K');

        // a 调休上班 on a Friday and a day of another year: refused as a whole, row by row
        List<List<String>> rows = rowsOf(published2026);
        rows.add(row("2026-10-09", "调休上班", "国庆节调休"));
        rows.add(row("2027-01-01", "放假", "元旦"));
        rows.add(row("2026-13-01", "放假", "元旦"));
        rows.add(row("2026-11-11", "休息", "光棍节"));
        String refused = mvc.perform(multipart("/admin/calendar/years/2026/import")
                        .file(new MockMultipartFile("file", "2026.xlsx", XLSX, xlsx(rows))).cookie(admin).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int first = published2026.size() + 2;
        assertThat(refused).contains("文件未导入，共 4 处问题", "2026-10-09 不是周六或周日，不能作为调休上班日",
                "2027-01-01 不在 2026 年内", "无法识别日期“2026-13-01”", "类型“休息”无法识别");
        assertThat(refused).contains("<td>" + first + "</td>");
        assertThat(calendar.isPublished(2026)).isFalse();
        assertThat(calendar.kindOf(MAKEUP_SATURDAY)).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.specialDays(2026)).hasSize(published2026.size() - 1);

        // the published arrangement
        mvc.perform(multipart("/admin/calendar/years/2026/import")
                        .file(new MockMultipartFile("file", "2026.xlsx", XLSX, xlsx(rowsOf(published2026))))
                        .cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isPublished(2026)).isTrue();
        assertThat(calendar.specialDays(2026)).containsExactlyElementsOf(published2026);
        assertThat(calendar.kindOf(MAKEUP_SATURDAY)).isEqualTo(DayKind.MAKEUP_WORKDAY);

        school.awaitEvents(() -> view(x, onMakeUpDay).calendarFlag() != null);
        WorkRecordView flagged = view(x, onMakeUpDay);
        assertThat(flagged.status()).as("never silently changed").isEqualTo(RecordStatus.COUNTED);
        assertThat(flagged.provisionalDate()).isFalse();
        assertThat(flagged.calendarFlag().year()).isEqualTo(2026);
        assertThat(flagged.calendarFlag().reasonKey()).isEqualTo("hours.rule.weekday-needs-evening-position");
        assertThat(view(x, onWeekend).calendarFlag()).isNull();
        assertThat(pages.progress(x.counselor(), x.student().id()).hours()).isEqualByComparingTo("6");
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?")
                .params(counselorAccount, "hours.notify.calendar-flag").query(Long.class).single()).isEqualTo(1);

        Cookie counselor = Logins.login(mvc, counselorName, Fixtures.PASSWORD);
        String records = mvc.perform(get("/hours/students/" + x.student().id()).cookie(counselor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(records).contains("2026 年安排公布后不再符合规则", "hours-calendar-flag");
    }

    private WorkRecordView view(HoursFixtures.Setup x, long id) {
        return ledger.ofStudent(x.counselor(), x.student().id()).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow();
    }

    private static List<List<String>> rowsOf(List<SpecialDay> days) {
        List<List<String>> rows = new ArrayList<>();
        for (SpecialDay d : days) {
            rows.add(row(d.date().toString(), d.kind() == SpecialDayKind.HOLIDAY ? "放假" : "调休上班", d.name()));
        }
        return rows;
    }

    private static List<String> row(String... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(List.of(List.of("日期"), List.of("类型"), List.of("名称"))).sheet("2026")
                .doWrite(new ArrayList<>(rows));
        return out.toByteArray();
    }
}
