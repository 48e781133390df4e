package org.workstudy.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * A reader of an exported ranking learns what the page says of its month: a month frozen late says 补冻结 and that
 * its on-track rate is recomputed as of the month's last day (in the first row, a note row and the on-track
 * column), a month frozen on time says only when it was frozen, and a year names its months frozen late. The PDF
 * report of a month frozen late says 补冻结 too.
 */
@IntegrationTest
class MonthStatusExportTest {

    // months no job freezes (before any record) in an academic year (2004-2005) no other test freezes
    static final YearMonth LATE = YearMonth.of(2005, 3);
    static final YearMonth ON_TIME = YearMonth.of(2005, 4);

    @Autowired MockMvc mvc;
    @Autowired Fixtures school;
    @Autowired StatisticsRefresh refresh;
    @Autowired MonthFreeze freeze;
    @Autowired AssessmentStore store;
    @Autowired MonthCalculator calculator;

    long college;
    Cookie center;

    @BeforeEach
    void twoFrozenMonths() throws Exception {
        college = school.college();
        refresh.refresh(List.of(school.student(school.schoolClass(college))));
        freeze.freeze(LATE); // today, long after it closed: frozen late
        // as the job would have frozen it the day after it closed
        int days = store.handleWithinDays();
        if (store.claim(ON_TIME, days, Instant.parse("2005-05-01T01:00:00Z"), false)) {
            store.insert(ON_TIME, calculator.compute(ON_TIME, days, true));
        }
        center = Logins.login(mvc, school.account(Grant.school(Role.CENTER_STAFF)), Fixtures.PASSWORD);
    }

    @Test
    void aMonthFrozenLateSays补冻结InItsSpreadsheetAndAMonthFrozenOnTimeDoesNot() throws Exception {
        List<Map<Integer, String>> late = sheet("/assessment/colleges.xlsx?month=" + LATE);
        assertThat(late.get(0).get(0)).isEqualTo("2005-03 · 已冻结 · 补冻结");
        assertThat(late.get(1).get(0)).startsWith("本月于 ").contains("补冻结（月末已过一天以上），按进度完成率按月末 2005-03-31 重算");
        Map<Integer, String> header = headerOf(late);
        assertThat(header.get(3)).isEqualTo("按进度完成率（补冻结，按月末重算） %");
        assertThat(header.get(6)).isEqualTo("按时处理率 %");

        List<Map<Integer, String>> onTime = sheet("/assessment/colleges.xlsx?month=" + ON_TIME);
        assertThat(onTime.get(0).get(0)).isEqualTo("2005-04 · 已冻结");
        assertThat(onTime.get(1).get(0)).startsWith("本月数据已于 2005-05-01 09:00 冻结为快照");
        assertThat(headerOf(onTime).get(3)).isEqualTo("按进度完成率 %");
        assertThat(onTime).allSatisfy(row -> assertThat(row.values()).noneMatch(v -> v != null && v.contains("补冻结")));
        // the college's row is there in both
        assertThat(late).anySatisfy(row -> assertThat(row.get(1)).startsWith("测试学院"));
        assertThat(onTime).anySatisfy(row -> assertThat(row.get(1)).startsWith("测试学院"));
    }

    @Test
    void aYearsSpreadsheetNamesItsMonthsFrozenLate() throws Exception {
        List<Map<Integer, String>> year = sheet("/assessment/counselors.xlsx?year=2004-2005");
        assertThat(year.get(0).get(0)).isEqualTo("2004-2005 · 已冻结 · 补冻结");
        assertThat(year.get(1).get(0)).endsWith("已合并月份：2005-03, 2005-04");
        assertThat(year.get(2).get(0)).isEqualTo("其中 2005-03 为补冻结月份，其按进度完成率按各月月末重算。");
        assertThat(headerOf(year).get(3)).isEqualTo("按进度完成率（补冻结，按月末重算） %");
    }

    @Test
    void thePdfReportOfAMonthFrozenLateSays补冻结() throws Exception {
        byte[] pdf = mvc.perform(get("/assessment/colleges/" + college + "/report.pdf").param("month",
                LATE.toString()).cookie(center)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        assertThat(text).contains("补冻结（月末已过一天以上），按进度完成率按月末2005-03-31重算");
    }

    private List<Map<Integer, String>> sheet(String url) throws Exception {
        byte[] xlsx = mvc.perform(get(url).cookie(center)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        return FastExcel.read(new ByteArrayInputStream(xlsx)).sheet().headRowNumber(0).doReadSync();
    }

    /** The row of column names: the one starting with 名次. */
    private static Map<Integer, String> headerOf(List<Map<Integer, String>> rows) {
        return rows.stream().filter(r -> "名次".equals(r.get(0))).findFirst().orElseThrow();
    }
}
