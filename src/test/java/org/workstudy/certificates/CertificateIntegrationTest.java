package org.workstudy.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.recognition.RecognitionFixtures.College;
import org.workstudy.credits.VerificationCodes;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.shared.CjkPdf;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import cn.idev.excel.FastExcel;
import org.workstudy.recognition.RecognitionFixtures;

/** Certificates (PDF, printable page), the public verification page and the registrar's export, with scope. */
@IntegrationTest
class CertificateIntegrationTest {

    static final String CHANGED = Fixtures.ACTIVATED_PASSWORD;

    @Autowired
    RecognitionFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    MockMvc mvc;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void theStudentDownloadsTheirCertificateAndNobodyElsesAndStaffInScopeGetIt() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of(CjkPdf.DEFAULT_FONT)), "no CJK font installed");
        College c = fixtures.college(2);
        Student s = c.student(0);
        String code = fixtures.creditRecord(s.id(), "360", "2026-2027-1", LocalDate.of(2027, 1, 8));
        Cookie student = studentSession(s);

        String page = mvc.perform(get("/my/certificate").cookie(student)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"certificate-pdf\"", s.name(), VerificationCodes.display(code));

        MockHttpServletResponse pdf = mvc.perform(get("/my/certificate.pdf").cookie(student))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        byte[] bytes = pdf.getContentAsByteArray();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/certificate-sample.pdf"), bytes); // to look at
        assertThat(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        String text = new PdfTextExtractor(new PdfReader(bytes)).getTextFromPage(1).replaceAll("\\s+", "");
        assertThat(text).contains("勤工助学证明", s.name(), s.studentNo(), "360学时", "60.0天", "2027-01-08",
                "2026-2027-1", VerificationCodes.display(code), "/verify/" + VerificationCodes.display(code));

        // another student: no certificate of theirs, and not this one
        Cookie other = studentSession(c.student(1));
        mvc.perform(get("/certificates/" + s.id() + ".pdf").cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/my/certificate.pdf").cookie(other)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/my/certificate").cookie(other)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("id=\"certificate-none\"");
        // staff in scope download it; another college's vice dean does not
        mvc.perform(get("/certificates/" + s.id() + ".pdf").cookie(login(c.viceDean())))
                .andExpect(status().isOk());
        mvc.perform(get("/certificates/" + s.id() + ".pdf").cookie(login(fixtures.person(Role.COUNSELOR,
                c.setup().classId())))).andExpect(status().isOk());
        College elsewhere = fixtures.college(1);
        mvc.perform(get("/certificates/" + s.id() + ".pdf").cookie(login(elsewhere.viceDean())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/certificates/" + s.id() + "/print").cookie(login(elsewhere.viceDean())))
                .andExpect(status().isNotFound());
    }

    @Test
    void theVerificationPageShowsOnlyNameNumberHoursAndStatusWithoutSigningIn() throws Exception {
        College c = fixtures.college(1);
        Student s = c.student(0);
        String code = fixtures.creditRecord(s.id(), "362.5", "2026-2027-1", LocalDate.of(2027, 1, 8));

        String html = mvc.perform(get("/verify/" + VerificationCodes.display(code))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(s.name(), s.studentNo(), "362.5 学时", "已认定 2 学分，2027-01-08");
        // nothing else: no ID-card number, class, college, major or verification details
        assertThat(html).doesNotContain(s.idCardNo(), s.idCardNo().substring(12), "测试班", "测试学院", "测试专业");
        // typed in lower case without dashes, through the form
        mvc.perform(get("/verify").param("code", code.toLowerCase()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/verify/" + code.toLowerCase())).andExpect(status().isOk());
        String unknown = mvc.perform(get("/verify/ABCD-EFGH-JKMN")).andExpect(status().isNotFound()).andReturn()
                .getResponse().getContentAsString();
        assertThat(unknown).contains("未找到").doesNotContain(s.name());
        mvc.perform(get("/verify/not-a-code")).andExpect(status().isNotFound());
        mvc.perform(get("/verify")).andExpect(status().isOk());
        // the public JSON: the same four facts
        mvc.perform(get("/api/v1/public/verify/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(s.name())).andExpect(jsonPath("$.studentNo").value(s.studentNo()))
                .andExpect(jsonPath("$.hours").value(362.5)).andExpect(jsonPath("$.recognisedOn").value("2027-01-08"))
                .andExpect(jsonPath("$.idCardNo").doesNotExist()).andExpect(jsonPath("$.className").doesNotExist());
        mvc.perform(get("/api/v1/public/verify/ABCDEFGHJKMN")).andExpect(status().isNotFound());
    }

    @Test
    void theRegistrarsExportHasTheFinalRecordsOfTheCollegeInScope() throws Exception {
        College c = fixtures.college(2);
        Student s = c.student(0);
        fixtures.creditRecord(s.id(), "360", "2026-2027-1", LocalDate.of(2027, 1, 8));
        String url = "/recognitions/export.xlsx?collegeId=" + c.collegeId() + "&cohort=" + RecognitionFixtures.COHORT;

        byte[] xlsx = mvc.perform(get(url).cookie(login(c.academic()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).headRowNumber(0).sheet()
                .doReadSync();
        assertThat(rows.get(0).values()).containsExactly("学号", "姓名", "学院", "专业", "班级", "课程", "学分", "认定学期",
                "认定日期", "认定依据", "学时");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).values()).contains(s.studentNo(), s.name(), "勤工助学", "2", "2026-2027-1",
                "2027-01-08", "完成学时", "360");
        // the college's vice dean exports it too; another college's gets 404; the whole school needs a school office
        mvc.perform(get(url).cookie(login(c.viceDean()))).andExpect(status().isOk());
        College elsewhere = fixtures.college(1);
        mvc.perform(get(url).cookie(login(elsewhere.viceDean()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recognitions/export").param("collegeId", "" + c.collegeId())
                .param("cohort", "" + RecognitionFixtures.COHORT)
                .with(httpBasic(elsewhere.viceDean().username(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/recognitions/export.xlsx?cohort=" + RecognitionFixtures.COHORT)
                .cookie(login(c.viceDean()))).andExpect(status().isForbidden());
        byte[] school = mvc.perform(get("/api/v1/recognitions/export").param("cohort", "" + RecognitionFixtures.COHORT)
                        .with(httpBasic(c.academic().username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> all = FastExcel.read(new ByteArrayInputStream(school)).headRowNumber(0).sheet()
                .doReadSync();
        assertThat(all).extracting(r -> r.get(0)).contains(s.studentNo());
    }


    @Test
    void withoutTheFontTheStaffAndStudentGetAPrintableCertificate() throws Exception {
        College c = fixtures.college(1);
        Student s = c.student(0);
        String code = fixtures.creditRecord(s.id(), "360", "2026-2027-1", LocalDate.of(2027, 1, 8));
        Cookie dean = login(c.viceDean());
        MapPropertySource missing = new MapPropertySource("certificate-missing-font",
                Map.of(CjkPdf.FONT_SETTING, "/nonexistent/fonts/missing.ttc"));
        environment.getPropertySources().addFirst(missing);
        try {
            String html = mvc.perform(get("/certificates/" + s.id() + ".pdf").cookie(dean))
                    .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("服务器未安装中文字体", "href=\"/certificates/" + s.id() + "/print\"");
            String print = mvc.perform(get("/certificates/" + s.id() + "/print").cookie(dean))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(print).contains("勤工助学证明", s.name(), VerificationCodes.display(code));
            String mine = mvc.perform(get("/my/certificate").cookie(studentSession(s))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(mine).contains("id=\"certificate-no-font\"", "id=\"certificate-sheet\"")
                    .doesNotContain("id=\"certificate-pdf\"");
        } finally {
            environment.getPropertySources().remove("certificate-missing-font");
        }
    }

    private Cookie login(RecognitionFixtures.Person p) throws Exception {
        return Logins.login(mvc, p.username(), Fixtures.PASSWORD);
    }

    private Cookie studentSession(Student s) throws Exception {
        return Logins.login(mvc, s.studentNo(), school.password(s.studentNo()));
    }
}
