package org.workstudy.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.exemptions.ExemptionFixtures.Unit;
import org.workstudy.organization.Student;
import org.workstudy.quality.internal.QualityCreditEntry;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;
import org.workstudy.exemptions.ExemptionFixtures;

/** Quality-development credits imported from .xlsx on PostgreSQL: all or nothing, every bad row listed, scope. */
@IntegrationTest
class QualityCreditsIntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    ExemptionFixtures fixtures;
    @Autowired
    QualityCredits quality;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    long rows() {
        return jdbc.sql("SELECT count(*) FROM cr_quality_credit").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM cr_quality_import").query(Long.class).single();
    }

    static MockMultipartFile file(List<List<String>> rows) {
        return new MockMultipartFile("file", "素质拓展学分.xlsx", XLSX, ExemptionFixtures.xlsx(rows));
    }

    @Test
    void aGoodFileIsImportedAndALaterImportBecomesCurrentWithTheHistoryKept() throws Exception {
        Unit u = fixtures.unit(2);
        Student a = u.students().get(0);
        Student b = u.students().get(1);
        Cookie center = Logins.login(mvc, fixtures.centerStaff(), Fixtures.PASSWORD);

        byte[] template = mvc.perform(get("/quality-credits/template").cookie(center)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> head = FastExcel.read(new ByteArrayInputStream(template)).headRowNumber(0)
                .sheet(0).doReadSync();
        assertThat(head.get(0).values()).containsExactly("学号", "姓名", "素质拓展学分", "备注");

        mvc.perform(multipart("/quality-credits/import").file(file(List.of(
                        List.of(a.studentNo(), a.name(), "2.5", "校级竞赛"),
                        List.of(b.studentNo(), b.name(), "0", "")))).cookie(center).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(quality.standing(a.id()).current()).isEqualByComparingTo("2.5");
        assertThat(quality.standing(b.id()).current()).isEqualByComparingTo("0");
        assertThat(quality.standing(b.id()).imported()).isTrue();

        mvc.perform(multipart("/quality-credits/import").file(file(List.of(
                        List.of(a.studentNo(), a.name(), "3.25", "")))).cookie(center).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(quality.standing(a.id()).current()).as("the newest import is current").isEqualByComparingTo("3.25");
        assertThat(quality.standing(b.id()).current()).as("b was not in the second file").isEqualByComparingTo("0");
        List<QualityCreditEntry> history = quality.history(ExemptionFixtures.CENTER, a.id());
        assertThat(history).extracting(e -> e.credits().toPlainString()).containsExactly("3.25", "2.50");
        assertThat(history.get(1).note()).isEqualTo("校级竞赛");

        String page = mvc.perform(get("/quality-credits").param("studentNo", a.studentNo()).cookie(center))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"lookup-result\"").contains("当前 3.25 学分").contains("校级竞赛");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'quality-credit' AND entity_id = ?")
                .param(String.valueOf(a.id())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFileWithBadRowsWritesNothingAndListsEveryRow() throws Exception {
        Unit u = fixtures.unit(5);
        Student a = u.students().get(0);
        Student b = u.students().get(1);
        Student c = u.students().get(2);
        Student d = u.students().get(3);
        Student e = u.students().get(4);
        Cookie center = Logins.login(mvc, fixtures.centerStaff(), Fixtures.PASSWORD);
        long before = rows();

        String html = mvc.perform(multipart("/quality-credits/import").file(file(List.of(
                        List.of(a.studentNo(), a.name(), "2", ""),            // row 2: good
                        List.of("X999999999", "无此人", "1", ""),             // row 3: unknown student
                        List.of(b.studentNo(), "张冠李戴", "1", ""),            // row 4: name mismatch
                        List.of(c.studentNo(), c.name(), "两分", ""),          // row 5: not a number
                        List.of(a.studentNo(), a.name(), "1", ""),            // row 6: duplicate of row 2
                        List.of(d.studentNo(), d.name(), "1.005", ""),        // row 7: three decimals
                        // row 8 below: negative
                        List.of(e.studentNo(), e.name(), "-1", "")))).cookie(center).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(rows()).as("nothing written").isEqualTo(before);
        assertThat(errorRow(html, 3)).contains("没有学号为 X999999999 的学生");
        assertThat(errorRow(html, 4)).contains("张冠李戴").contains(b.name());
        assertThat(errorRow(html, 5)).contains("两分");
        assertThat(errorRow(html, 6)).contains("重复").contains("第 2 行");
        assertThat(errorRow(html, 7)).contains("1.005");
        assertThat(html).doesNotContain("data-row=\"2\"").contains("发现 6 处错误").contains("本次没有导入任何数据");
        assertThat(errorRow(html, 8)).contains("-1");
        assertThat(quality.standing(a.id()).imported()).isFalse();
    }

    @Test
    void aCollegeAdminImportsOnlyTheirCollegesStudents() throws Exception {
        Unit mine = fixtures.unit(1);
        Unit other = fixtures.unit(1);
        Student own = mine.student();
        Student foreign = other.student();
        long before = rows();

        mvc.perform(multipart("/api/v1/quality-credits/import").file(file(List.of(
                        List.of(own.studentNo(), own.name(), "1", ""),
                        List.of(foreign.studentNo(), foreign.name(), "2", ""))))
                        .with(httpBasic(mine.collegeAdmin(), Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("quality.error.out-of-scope"));
        assertThat(rows()).isEqualTo(before);

        mvc.perform(multipart("/api/v1/quality-credits/import").file(file(List.of(
                        List.of(own.studentNo(), own.name(), "1.5", ""))))
                        .with(httpBasic(mine.collegeAdmin(), Fixtures.PASSWORD)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(get("/api/v1/quality-credits/" + own.studentNo())
                        .with(httpBasic(mine.collegeAdmin(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.current").value(1.5));
        mvc.perform(get("/api/v1/quality-credits/" + foreign.studentNo())
                        .with(httpBasic(mine.collegeAdmin(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());

        // a counselor neither imports nor looks up
        mvc.perform(multipart("/api/v1/quality-credits/import").file(file(List.of(
                        List.of(own.studentNo(), own.name(), "1", ""))))
                        .with(httpBasic(mine.counselor(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        Cookie counselor = Logins.login(mvc, mine.counselor(), Fixtures.PASSWORD);
        mvc.perform(get("/quality-credits").cookie(counselor)).andExpect(status().isForbidden());
    }

    @Test
    void aFileThatIsNoXlsxIsRefusedAsAWhole() throws Exception {
        Cookie center = Logins.login(mvc, fixtures.centerStaff(), Fixtures.PASSWORD);
        String html = mvc.perform(multipart("/quality-credits/import")
                        .file(new MockMultipartFile("file", "a.xlsx", XLSX, "学号,姓名".getBytes()))
                        .cookie(center).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("这不是 .xlsx 文件");
    }

    private static String errorRow(String html, int row) {
        int at = html.indexOf("data-row=\"" + row + "\"");
        assertThat(at).as("error row " + row).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
