package org.workstudy.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live figures of a month not frozen yet are kept for the set time: a second view within it shows the same
 * figures without computing them again, even though a student was added meanwhile, and the page says how old they
 * may be; once the month is frozen its snapshot, with the student, shows at once. (Tests run with nothing kept; this
 * one sets the time itself instead of waiting.)
 */
@IntegrationTest
class LiveMonthCacheTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures school;
    @Autowired StatisticsRefresh refresh;
    @Autowired LiveMonthCache cache;
    @Autowired MonthFreeze freeze;

    private Duration before;

    @BeforeEach
    void keepForTenMinutes() {
        before = cache.keepFor(Duration.ofMinutes(10));
    }

    @AfterEach
    void keepAsConfigured() {
        cache.keepFor(before);
    }

    @Test
    void aSecondViewWithinTheTimeShowsTheKeptFiguresAndFreezingShowsTheSnapshotAtOnce() throws Exception {
        long college = school.college();
        long classId = school.schoolClass(college);
        refresh.refresh(List.of(school.student(classId)));
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        // a closed month that the job never freezes (before any record): live until this test freezes it
        YearMonth month = YearMonth.of(2006, 1 + (int) Math.floorMod(System.nanoTime(), 12L));

        JsonNode first = ranking(center, month);
        long computed = cache.computations();
        assertThat(first.path("frozen").asBoolean()).isFalse();
        assertThat(studentsOf(first, college)).isEqualByComparingTo("1");

        refresh.refresh(List.of(school.student(classId))); // a second student, counted by the statistics at once
        JsonNode second = ranking(center, month);
        assertThat(cache.computations()).as("served from what was kept").isEqualTo(computed);
        assertThat(studentsOf(second, college)).as("the kept figures").isEqualByComparingTo("1");
        assertThat(second.path("computedAt").asString()).isEqualTo(first.path("computedAt").asString());

        String page = mvc.perform(get("/assessment").param("month", month.toString())
                        .cookie(Logins.login(mvc, center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"asm-live-kept\"", "未冻结月份的实时数字保留 600 秒后才重新计算");
        assertThat(cache.computations()).as("the page shares the API's kept figures").isEqualTo(computed);

        assertThat(freeze.freeze(month)).isTrue();
        JsonNode frozen = ranking(center, month);
        assertThat(frozen.path("frozen").asBoolean()).isTrue();
        assertThat(studentsOf(frozen, college)).as("the snapshot, taken now").isEqualByComparingTo("2");
    }

    private JsonNode ranking(String user, YearMonth month) throws Exception {
        String json = mvc.perform(get("/api/v1/assessment/months/" + month).with(httpBasic(user, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(json);
    }

    /** The college's on-track denominator: its students not withdrawn. */
    private static BigDecimal studentsOf(JsonNode ranking, long college) {
        for (JsonNode row : ranking.path("colleges")) {
            if (row.path("subjectId").asLong() == college) {
                for (JsonNode f : row.path("figures")) {
                    if (f.path("metric").asString().equals("ON_TRACK")) {
                        return f.path("denominator").decimalValue();
                    }
                }
            }
        }
        throw new AssertionError("college " + college + " has no on-track figure in " + ranking);
    }
}
