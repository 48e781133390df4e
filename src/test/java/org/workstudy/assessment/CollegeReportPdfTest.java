package org.workstudy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly report of a college as PDF holds what the printable page and the API hold: the college's name, its
 * figures with their numerators and denominators, the school's beside them, the definitions; another college's is
 * not found for a vice dean; the page links to it.
 */
@IntegrationTest
class CollegeReportPdfTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures school;
    @Autowired org.workstudy.statistics.StatisticsRefresh refresh;

    @Test
    void thePdfHoldsTheCollegeAndTheFiguresOfTheApi() throws Exception {
        long college = school.college();
        long other = school.college();
        long classId = school.schoolClass(college);
        refresh.refresh(java.util.List.of(school.student(classId), school.student(classId)));
        school.account(Grant.of(Role.COUNSELOR, classId));
        String viceDean = school.account(Grant.of(Role.VICE_DEAN, college));
        String month = YearMonth.now().toString();

        String json = mvc.perform(get("/api/v1/assessment/colleges/" + college + "/months/" + month)
                        .with(httpBasic(viceDean, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode report = JsonMapper.builder().build().readTree(json);
        String name = report.path("college").path("name").asString();
        JsonNode onTrack = null;
        for (JsonNode f : report.path("college").path("figures")) {
            if (f.path("metric").asString().equals("ON_TRACK")) {
                onTrack = f;
            }
        }
        assertThat(onTrack).as("the on-track figure of two students").isNotNull();
        String figure = onTrack.path("percent").decimalValue().toPlainString() + "%("
                + onTrack.path("numerator").decimalValue().stripTrailingZeros().toPlainString() + "/"
                + onTrack.path("denominator").decimalValue().stripTrailingZeros().toPlainString() + ")";

        Cookie session = Logins.login(mvc, viceDean, Fixtures.PASSWORD);
        String page = mvc.perform(get("/assessment/colleges/" + college + "/report").param("month", month)
                .cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"asm-report-pdf\"", "/assessment/colleges/" + college + "/report.pdf?month="
                + month);
        MockHttpServletResponse pdf = mvc.perform(get("/assessment/colleges/" + college + "/report.pdf")
                .param("month", month).cookie(session)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        byte[] bytes = pdf.getContentAsByteArray();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/assessment-college-report.pdf"), bytes); // to look at
        PdfReader reader = new PdfReader(bytes);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p));
        }
        String flat = text.toString().replaceAll("\\s+", "");
        assertThat(flat).contains(name.replaceAll("\\s+", "") + "勤工助学月度考核报告", "按进度完成率", figure, "指标定义",
                "全校", "学院负责人签字");

        mvc.perform(get("/assessment/colleges/" + other + "/report.pdf").param("month", month).cookie(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessment/colleges/" + college + "/report.pdf").param("month", "2026-13").cookie(session))
                .andExpect(status().is4xxClientError());
    }
}
