package org.workstudy.hours.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;

/** Bulk entry of a class's hours from .xlsx on PostgreSQL: all or nothing, every problem by row, page and API. */
@IntegrationTest
class HoursBulkEntryIntegrationTest {

    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theTemplateListsTheClassWithTheirSources() throws Exception {
        var x = fixtures.placed(2);
        String counselor = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        byte[] xlsx = mvc.perform(get("/hours/classes/" + x.classId() + "/work-records/import/template")
                        .cookie(Logins.login(mvc, counselor, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> entries = RegisterIntegrationTest.sheet(xlsx, 0);
        assertThat(entries.get(0).values()).containsExactlyElementsOf(HoursBulkEntry.COLUMNS);
        assertThat(entries).hasSize(3);
        for (int i = 0; i < 2; i++) {
            Student s = x.students().get(i);
            assertThat(entries.get(i + 1)).containsEntry(0, s.studentNo()).containsEntry(1, s.name())
                    .containsEntry(6, "P" + x.placementIds().get(i));
        }
        List<Map<Integer, String>> sources = RegisterIntegrationTest.sheet(xlsx, 1);
        assertThat(sources).anySatisfy(r -> assertThat(r).containsEntry(0, x.student().studentNo())
                .containsEntry(2, "P" + x.placement()).containsEntry(3, "岗位安排"));
    }

    @Test
    void aGoodFileRecordsEveryRow() throws Exception {
        var x = fixtures.placed(2);
        Student a = x.students().get(0);
        Student b = x.students().get(1);
        byte[] file = xlsx(List.of(
                row(a.studentNo(), a.name(), "2026-07-20", "08:00", "12:00", "", "P" + x.placementIds().get(0), "整理图书"),
                row(a.studentNo(), "", "2026/7/21", "", "", "3", "", "暑期值班"),
                row(b.studentNo(), b.name(), "2025-10-18", "09:00", "11:30", "", "P" + x.placementIds().get(1), "整理"),
                row(b.studentNo(), b.name(), "", "", "", "", "P" + x.placementIds().get(1), "")));
        Cookie session = Logins.login(mvc, school.account(Grant.of(Role.COUNSELOR, x.classId())), Fixtures.PASSWORD);
        mvc.perform(multipart("/hours/classes/" + x.classId() + "/work-records/import")
                        .file(new MockMultipartFile("file", "hours.xlsx", XLSX, file)).cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/hours/classes/" + x.classId() + "/work-records/import"))
                .andExpect(flash().attribute("recorded", 3));
        assertThat(entries(a)).isEqualTo(2);
        assertThat(entries(b)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sum(hours) FROM hrs_entry WHERE student_id = ?").param(a.id())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("7");
        assertThat(jdbc.sql("SELECT DISTINCT recorder_role FROM hrs_entry WHERE student_id = ?").param(a.id())
                .query(String.class).list()).containsExactly("COUNSELOR");
    }

    @Test
    void aFileWithBadRowsOfEveryKindWritesNothingAndReportsEachRow() throws Exception {
        var x = fixtures.placed(2);
        Student a = x.students().get(0);
        Student b = x.students().get(1);
        String pa = "P" + x.placementIds().get(0);
        String pb = "P" + x.placementIds().get(1);
        byte[] file = xlsx(List.of(
                row(a.studentNo(), a.name(), "2026-07-22", "08:00", "10:00", "", pa, "好的一行"),   // 2
                row("X00000000", "", "2026-07-22", "08:00", "10:00", "", pa, "未知学号"),            // 3
                row(a.studentNo(), "张冠李戴", "2026-07-23", "08:00", "10:00", "", pa, "姓名不符"),   // 4
                row(a.studentNo(), "", "2026-13-45", "08:00", "10:00", "", pa, "日期错误"),          // 5
                row(a.studentNo(), "", "2026-07-23", "25:00", "10:00", "", pa, "时间错误"),          // 6
                row(a.studentNo(), "", "2026-07-23", "08:00", "10:00", "", pb, "别人的岗位"),        // 7
                row(a.studentNo(), "", "2025-10-13", "09:00", "11:00", "", pa, "教学日白天"),        // 8
                row(b.studentNo(), "", "2026-07-24", "08:00", "12:00", "", pb, "好的一行"),          // 9
                row(b.studentNo(), "", "2026-07-24", "10:00", "11:00", "", pb, "时间重叠"),          // 10
                row(b.studentNo(), "", "2026-07-25", "", "", "三", pb, "学时错误"),                 // 11
                row(b.studentNo(), "", "2026-07-26", "08:00", "10:00", "", "", "")));               // 12
        Cookie session = Logins.login(mvc, school.account(Grant.of(Role.COUNSELOR, x.classId())), Fixtures.PASSWORD);
        String html = mvc.perform(multipart("/hours/classes/" + x.classId() + "/work-records/import")
                        .file(new MockMultipartFile("file", "hours.xlsx", XLSX, file)).cookie(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(entries(a) + entries(b)).isZero();
        assertThat(html).contains("发现 9 个问题，未登记任何记录", "本次未登记任何记录");
        assertThat(errorRow(html, 3)).contains("学号", "学号 X00000000 不是本班的学生");
        assertThat(errorRow(html, 4)).contains("姓名", "张冠李戴", a.name());
        assertThat(errorRow(html, 5)).contains("日期", "无法识别的日期");
        assertThat(errorRow(html, 6)).contains("开始时间", "无法识别的时间");
        assertThat(errorRow(html, 7)).contains("来源编号", "不是该学生的岗位安排");
        assertThat(errorRow(html, 8)).contains("日期", "教学日");
        assertThat(errorRow(html, 10)).contains("开始时间", "重叠");
        assertThat(errorRow(html, 11)).contains("工时", "无法识别的学时");
        assertThat(errorRow(html, 12)).contains("工作内容", "请填写");
        assertThat(html).doesNotContain("data-row=\"2\"").doesNotContain("data-row=\"9\"");
    }

    @Test
    void aFileThatIsNoXlsxOrIsEmptyGetsAClearMessage() throws Exception {
        var x = fixtures.placed(1);
        Cookie session = Logins.login(mvc, school.account(Grant.of(Role.COUNSELOR, x.classId())), Fixtures.PASSWORD);
        String url = "/hours/classes/" + x.classId() + "/work-records/import";
        assertThat(mvc.perform(multipart(url).file(new MockMultipartFile("file", "hours.csv", "text/csv",
                        "学号,日期\n1,2026-07-20\n".getBytes(StandardCharsets.UTF_8))).cookie(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("这不是 Excel .xlsx 文件");
        assertThat(mvc.perform(multipart(url).file(new MockMultipartFile("file", "empty.xlsx", XLSX, new byte[0]))
                        .cookie(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("上传的文件是空的");
        assertThat(mvc.perform(multipart(url).file(new MockMultipartFile("file", "hours.xlsx", XLSX,
                        xlsx(List.of()))).cookie(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("文件中没有数据行");
        assertThat(entries(x.student())).isZero();
    }

    @Test
    void theApiAnswersWithAProblemDetailListingTheRowsOrTheCount() throws Exception {
        var x = fixtures.placed(1);
        Student a = x.student();
        String counselor = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        String url = "/api/v1/classes/" + x.classId() + "/work-records/import";
        byte[] bad = xlsx(List.of(row(a.studentNo(), "", "2026-07-27", "08:00", "10:00", "", "", "好"),
                row(a.studentNo(), "", "昨天", "08:00", "10:00", "", "", "坏")));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "h.xlsx", XLSX, bad))
                        .with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:workstudy:bulk.refused"))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("日期"))
                .andExpect(jsonPath("$.errors[0].code").value("bulk.error.date-invalid"));
        assertThat(entries(a)).isZero();
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "h.xlsx", XLSX, new byte[0]))
                        .with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("bulk.error.empty-file"));
        byte[] good = xlsx(List.of(row(a.studentNo(), "", "2026-07-27", "08:00", "10:00", "", "", "好")));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "h.xlsx", XLSX, good))
                        .with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.recorded").value(1));
        assertThat(entries(a)).isEqualTo(1);
    }

    @Test
    void aCounselorOfAnotherClassGetsNotFound() throws Exception {
        var x = fixtures.placed(1);
        String stranger = school.account(Grant.of(Role.COUNSELOR, school.schoolClass(school.college())));
        byte[] good = xlsx(List.of(row(x.student().studentNo(), "", "2026-07-28", "08:00", "10:00", "", "", "好")));
        Cookie session = Logins.login(mvc, stranger, Fixtures.PASSWORD);
        String page = "/hours/classes/" + x.classId() + "/work-records/import";
        mvc.perform(get(page).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get(page + "/template").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(multipart(page).file(new MockMultipartFile("file", "h.xlsx", XLSX, good)).cookie(session)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/classes/" + x.classId() + "/work-records/import")
                        .file(new MockMultipartFile("file", "h.xlsx", XLSX, good))
                        .with(httpBasic(stranger, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(entries(x.student())).isZero();
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(HoursBulkEntry.COLUMNS.stream().map(List::of).toList()).sheet("工时登记")
                .doWrite(new ArrayList<>(rows));
        return out.toByteArray();
    }

    private static String errorRow(String html, int row) {
        int at = html.indexOf("data-row=\"" + row + "\"");
        assertThat(at).as("error row " + row).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private long entries(Student s) {
        return jdbc.sql("SELECT count(*) FROM hrs_entry WHERE student_id = ?").param(s.id()).query(Long.class).single();
    }
}
