package org.workstudy.hours.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;

/** The register (登记本) on PostgreSQL: the print-ready page, .xlsx and PDF, per student and per class, and scope. */
@IntegrationTest
class RegisterIntegrationTest {

    @Autowired
    HoursLedger ledger;
    @Autowired
    Register register;
    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    Organization organization;
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    MockMvc mvc;

    /** Two students: A with a confirmed report, a corrected and a voided record; B with one record. */
    record Book(HoursFixtures.Setup x, Student a, Student b, long report, long original, long correction,
            long voided, long voidEntry) {
    }

    private Book book() {
        var x = fixtures.placed(2);
        Student a = x.students().get(0);
        Student b = x.students().get(1);
        long report = ledger.record(PlacementFixtures.signedIn(a), HoursFixtures.work(a, x.placementIds().get(0),
                "2025-10-18", "09:00", "12:00"));
        ledger.confirm(x.employer(), report);
        long original = ledger.record(x.counselor(), HoursFixtures.work(a, x.placementIds().get(0), "2026-07-20",
                "08:00", "12:00"));
        long correction = ledger.correct(x.counselor(), original, HoursFixtures.work(a, x.placementIds().get(0),
                "2026-07-20", "08:00", "10:30"), "登记时多算了时长");
        long voided = ledger.record(x.counselor(), HoursFixtures.work(a, x.placementIds().get(0), "2026-07-21",
                "08:00", "14:00"));
        long voidEntry = ledger.voidEntry(x.counselor(), voided, "学生当天请假");
        ledger.record(x.counselor(), HoursFixtures.work(b, x.placementIds().get(1), "2026-07-22", "08:00", "14:00"));
        return new Book(x, a, b, report, original, correction, voided, voidEntry);
    }

    private Cookie counselorOf(long classId) throws Exception {
        return Logins.login(mvc, school.account(Grant.of(Role.COUNSELOR, classId)), Fixtures.PASSWORD);
    }

    @Test
    void theRegisterPageShowsEveryRecordWithRecorderConfirmerAndTotals() throws Exception {
        Book k = book();
        Cookie session = counselorOf(k.x().classId());
        String html = mvc.perform(get("/hours/students/" + k.a().id() + "/register").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("勤工助学登记本", "厦门南洋职业学院", k.a().name(), k.a().studentNo(), "/css/register.css");
        // the report: recorded by the student, confirmed by the employer's contact
        String report = row(html, k.report());
        assertThat(report).contains("2025-10-18", "09:00–12:00", "3.00", k.a().name(), "学生申报",
                k.x().employer().displayName(), "用人单位", "已计入");
        // a counselor's own record is confirmed as it is recorded
        assertThat(row(html, k.correction())).contains(k.x().counselor().displayName(), "辅导员登记即确认");
        // totals: 3 + 2.5 hours; 5.5 / 6 = 0.9 days; 5.5 / 360 = 1.5 %
        assertThat(html).contains("已计入 5.5 学时，折合 0.9 天", "完成要求 360 学时的 1.5%");
        assertThat(html).contains("辅导员签字：", "data-print");
    }

    @Test
    void aCorrectionAppearsBelowItsStruckThroughOriginalAndAVoidIsMarked() throws Exception {
        Book k = book();
        String html = mvc.perform(get("/hours/students/" + k.a().id() + "/register")
                        .cookie(counselorOf(k.x().classId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.indexOf("register-entry-" + k.original())).isPositive()
                .isLessThan(html.indexOf("register-entry-" + k.correction()));
        assertThat(rowTag(html, k.original())).contains("register-struck");
        assertThat(row(html, k.original())).contains("08:00–12:00", "4.00", "已更正");
        assertThat(rowTag(html, k.correction())).contains("register-follow").doesNotContain("register-struck");
        assertThat(row(html, k.correction())).contains("08:00–10:30", "2.50", "更正上一条：登记时多算了时长", "已计入");
        assertThat(rowTag(html, k.voided())).contains("register-struck");
        assertThat(rowTag(html, k.voidEntry())).contains("register-void");
        assertThat(row(html, k.voidEntry())).contains("作废上一条：学生当天请假");

        List<RegisterLine> lines = register.ofStudent(k.x().counselor(), k.a().id()).lines();
        assertThat(lines).extracting(l -> l.record().id()).containsExactly(k.report(), k.original(),
                k.correction(), k.voided(), k.voidEntry());
        assertThat(lines).extracting(RegisterLine::no).containsExactly(1, 2, 0, 3, 0);
    }

    @Test
    void theStudentsXlsxHasTheRowsAndTotals() throws Exception {
        Book k = book();
        var response = mvc.perform(get("/hours/students/" + k.a().id() + "/register.xlsx")
                        .cookie(counselorOf(k.x().classId())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''%E7%99%BB%E8%AE%B0%E6%9C%AC-")))
                .andReturn().getResponse();
        List<Map<Integer, String>> rows = sheet(response.getContentAsByteArray(), 0);
        assertThat(rows.get(0).get(0)).contains("勤工助学登记本");
        assertThat(rows.get(1)).containsValues(k.a().studentNo(), k.a().name());
        Map<Integer, String> header = rows.stream().filter(r -> "序号".equals(r.get(0))).findFirst().orElseThrow();
        assertThat(header).containsValues("日期", "学时", "计入学时", "登记人", "确认人", "确认日期", "状态");
        Map<Integer, String> report = byEntry(rows, k.report());
        assertThat(report).containsValues("2025-10-18", "09:00", "12:00", k.x().employer().displayName(),
                "已计入", "学生申报");
        assertThat(byEntry(rows, k.correction()).get(0)).isEqualTo("更正");
        assertThat(byEntry(rows, k.original()).get(RegisterExport.COUNTED_COLUMN)).isNull();
        assertThat(labelled(rows, "合计").get(RegisterExport.COUNTED_COLUMN)).isEqualTo("5.5");
        assertThat(labelled(rows, "折合天数").get(RegisterExport.COUNTED_COLUMN)).isEqualTo("0.9");
        assertThat(labelled(rows, "完成比例").get(RegisterExport.COUNTED_COLUMN)).isEqualTo("1.5");
    }

    @Test
    void theClassXlsxHasEveryStudentWithSubtotalsAndASummarySheet() throws Exception {
        Book k = book();
        var response = mvc.perform(get("/hours/classes/" + k.x().classId() + "/register.xlsx")
                        .cookie(counselorOf(k.x().classId())))
                .andExpect(status().isOk()).andReturn().getResponse();
        String className = organization.schoolClass(k.x().classId()).orElseThrow().name();
        assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''"
                + java.net.URLEncoder.encode("登记本-2024级" + className, StandardCharsets.UTF_8));
        byte[] xlsx = response.getContentAsByteArray();
        List<Map<Integer, String>> rows = sheet(xlsx, 0);
        int offset = 2;
        assertThat(rows).filteredOn(r -> k.a().studentNo().equals(r.get(0)) && r.get(2) != null
                && r.get(2).matches("\\d+")).hasSize(3);
        Map<Integer, String> subA = rows.stream().filter(r -> k.a().studentNo().equals(r.get(0))
                && "小计".equals(r.get(2))).findFirst().orElseThrow();
        assertThat(subA.get(RegisterExport.COUNTED_COLUMN + offset)).isEqualTo("5.5");
        Map<Integer, String> subB = rows.stream().filter(r -> k.b().studentNo().equals(r.get(0))
                && "小计".equals(r.get(2))).findFirst().orElseThrow();
        assertThat(subB.get(RegisterExport.COUNTED_COLUMN + offset)).isEqualTo("6");
        assertThat(rows.stream().filter(r -> "合计".equals(r.get(2))).findFirst().orElseThrow()
                .get(RegisterExport.COUNTED_COLUMN + offset)).isEqualTo("11.5");

        List<Map<Integer, String>> summary = sheet(xlsx, 1);
        Map<Integer, String> a = summary.stream().filter(r -> k.a().studentNo().equals(r.get(1))).findFirst()
                .orElseThrow();
        assertThat(a).containsEntry(2, k.a().name()).containsEntry(3, "5.5").containsEntry(4, "0.9")
                .containsEntry(5, "1.5").containsEntry(6, "否");
        Map<Integer, String> b = summary.stream().filter(r -> k.b().studentNo().equals(r.get(1))).findFirst()
                .orElseThrow();
        assertThat(b).containsEntry(3, "6").containsEntry(4, "1.0").containsEntry(5, "1.6");
    }

    @Test
    void thePdfStartsWithPdfAndHasTheStudentsName() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of(RegisterPdf.DEFAULT_FONT))
                || "true".equals(System.getenv("CI")), "fonts-wqy-microhei is not installed");
        Book k = book();
        Cookie session = counselorOf(k.x().classId());
        var response = mvc.perform(get("/hours/students/" + k.a().id() + "/register.pdf").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains(".pdf");
        byte[] pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains(k.a().name(), k.a().studentNo(), "勤工助学登记本", "登记时多算了时长", "第 1 页 / 共 1 页");
        reader.close();

        byte[] classPdf = mvc.perform(get("/hours/classes/" + k.x().classId() + "/register.pdf").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        PdfReader classReader = new PdfReader(classPdf);
        assertThat(classReader.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        PdfTextExtractor extractor = new PdfTextExtractor(classReader);
        assertThat(extractor.getTextFromPage(1)).contains("班级汇总", k.a().name(), k.b().name());
        assertThat(extractor.getTextFromPage(classReader.getNumberOfPages())).contains(k.b().name());
        classReader.close();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/register-class.pdf"), classPdf);
    }

    @Test
    void withoutTheFontThePdfLinkPointsToThePrintReadyPage() throws Exception {
        Book k = book();
        Cookie session = counselorOf(k.x().classId());
        MapPropertySource missing = new MapPropertySource("test-missing-font",
                Map.of(RegisterPdf.FONT_SETTING, "/nonexistent/fonts/missing.ttc"));
        environment.getPropertySources().addFirst(missing);
        try {
            String html = mvc.perform(get("/hours/students/" + k.a().id() + "/register.pdf").cookie(session))
                    .andExpect(status().isServiceUnavailable()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("没有可用的中文字体", "打开打印版登记本",
                    "href=\"/hours/students/" + k.a().id() + "/register\"");
            assertThat(mvc.perform(get("/hours/classes/" + k.x().classId() + "/register.pdf").cookie(session))
                    .andExpect(status().isServiceUnavailable()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8))
                    .contains("href=\"/hours/classes/" + k.x().classId() + "/register\"");
        } finally {
            environment.getPropertySources().remove("test-missing-font");
        }
    }

    @Test
    void aCounselorOfAnotherClassGetsNotFoundForPageXlsxAndPdf() throws Exception {
        Book k = book();
        Cookie stranger = counselorOf(school.schoolClass(school.college()));
        for (String url : List.of("/hours/students/" + k.a().id() + "/register",
                "/hours/students/" + k.a().id() + "/register.xlsx", "/hours/students/" + k.a().id() + "/register.pdf",
                "/hours/classes/" + k.x().classId() + "/register", "/hours/classes/" + k.x().classId()
                        + "/register.xlsx", "/hours/classes/" + k.x().classId() + "/register.pdf")) {
            var response = mvc.perform(get(url).cookie(stranger)).andExpect(status().isNotFound()).andReturn()
                    .getResponse();
            assertThat(response.getContentType()).as(url).doesNotContain("pdf").doesNotContain("sheet");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(url).doesNotContain(k.a().name());
        }
    }

    @Test
    void collegeStaffSeeTheirCollegeAndAStudentOnlyThemselves() throws Exception {
        Book k = book();
        long college = organization.schoolClass(k.x().classId()).orElseThrow().collegeId();
        Cookie own = Logins.login(mvc, school.account(Grant.of(Role.COLLEGE_ADMIN, college)), Fixtures.PASSWORD);
        mvc.perform(get("/hours/classes/" + k.x().classId() + "/register").cookie(own)).andExpect(status().isOk());
        mvc.perform(get("/hours/students/" + k.a().id() + "/register").cookie(own)).andExpect(status().isOk());
        Cookie other = Logins.login(mvc, school.account(Grant.of(Role.COLLEGE_ADMIN, school.college())),
                Fixtures.PASSWORD);
        mvc.perform(get("/hours/classes/" + k.x().classId() + "/register").cookie(other))
                .andExpect(status().isNotFound());
        Cookie center = Logins.login(mvc, school.account(Grant.school(Role.CENTER_STAFF)), Fixtures.PASSWORD);
        mvc.perform(get("/hours/students/" + k.a().id() + "/register.xlsx").cookie(center))
                .andExpect(status().isOk());

        var me = PlacementFixtures.signedIn(k.a());
        assertThat(register.ofStudent(me, k.a().id()).hours()).isEqualByComparingTo("5.5");
        assertThatThrownBy(() -> register.ofStudent(me, k.b().id())).hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> register.ofClass(me, k.x().classId())).hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> register.ofStudent(k.x().employer(), k.a().id()))
                .hasMessageContaining("error.not-found");
    }

    @Test
    void theLedgerAndClassPagesLinkToTheRegister() throws Exception {
        Book k = book();
        Cookie session = counselorOf(k.x().classId());
        assertThat(mvc.perform(get("/hours/students/" + k.a().id()).cookie(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("href=\"/hours/students/" + k.a().id() + "/register\"");
        assertThat(mvc.perform(get("/hours/classes/" + k.x().classId()).cookie(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("href=\"/hours/classes/" + k.x().classId() + "/register\"",
                        "href=\"/hours/classes/" + k.x().classId() + "/work-records/import\"");
    }

    private static String rowTag(String html, long entryId) {
        int at = html.indexOf("id=\"register-entry-" + entryId + "\"");
        assertThat(at).as("row of entry " + entryId).isPositive();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf('>', at) + 1);
    }

    private static String row(String html, long entryId) {
        int at = html.indexOf("id=\"register-entry-" + entryId + "\"");
        assertThat(at).as("row of entry " + entryId).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    static List<Map<Integer, String>> sheet(byte[] xlsx, int index) {
        return FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(index).headRowNumber(0).doReadSync();
    }

    private static Map<Integer, String> byEntry(List<Map<Integer, String>> rows, long entryId) {
        return rows.stream().filter(r -> String.valueOf(entryId).equals(r.get(1))).findFirst().orElseThrow();
    }

    private static Map<Integer, String> labelled(List<Map<Integer, String>> rows, String label) {
        return rows.stream().filter(r -> label.equals(r.get(0))).findFirst().orElseThrow();
    }
}
