package org.workstudy.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.awards.internal.AwardLines.StudentAward;
import org.workstudy.awards.internal.AwardLines;
import org.workstudy.awards.internal.AwardLists;
import org.workstudy.awards.internal.AwardSettings;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/**
 * Revoking a reward or penalty (撤销): the record stays, marked with who, when and why, in the audit trail; a revoked
 * penalty no longer keeps the student from an award; an empty reason names the field, a second revocation is a
 * conflict, and only those who may record one may revoke it. Rolled back after each test.
 */
@IntegrationTest
@Transactional
class AwardRevocationTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired Fixtures school;
    @Autowired StatisticsRefresh refresh;
    @Autowired AwardSettings settings;
    @Autowired AwardLists lists;
    @Autowired AwardRecords records;
    @Autowired Roster roster;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long college;
    List<Long> students;
    String studentNo;
    String centerName;
    String viceDeanName;
    CurrentUser center;
    CurrentUser viceDean;
    LocalDate today;

    @BeforeEach
    void aCollegeWhereEveryoneWouldBeEligible() {
        college = school.college();
        long classId = school.schoolClass(college);
        students = List.of(school.student(classId), school.student(classId));
        refresh.refresh(students);
        studentNo = roster.find(students.get(0)).orElseThrow().studentNo();
        centerName = school.account(Grant.school(Role.CENTER_DIRECTOR));
        viceDeanName = school.account(Grant.of(Role.VICE_DEAN, college));
        center = AwardsVersioningTest.user(Role.CENTER_DIRECTOR, Grant.school(Role.CENTER_DIRECTOR));
        viceDean = AwardsVersioningTest.user(Role.VICE_DEAN, Grant.of(Role.VICE_DEAN, college));
        today = settings.today();
        settings.create(center, AwardsVersioningTest.form(today.toString(), "0"));
    }

    @Test
    void aRevokedPenaltyStaysListedButNoLongerKeepsTheStudentFromAnAward() {
        AwardRecord penalty = records.record(center, new AwardRecordForm(studentNo, "FALSIFIED_HOURS", "多报工时",
                today.toString(), today.plusDays(30).toString()));
        assertThat(eligibleNow()).doesNotContain(students.get(0));

        AwardRecord revoked = records.revoke(center, penalty.id(), "  经复核，考勤记录有误，处分撤销 ");

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokeReason()).isEqualTo("经复核，考勤记录有误，处分撤销");
        assertThat(revoked.revokedBy()).isEqualTo(center.username());
        assertThat(revoked.revokedByName()).isEqualTo(center.displayName());
        assertThat(revoked.inForce(today)).isFalse();
        assertThat(eligibleNow()).contains(students.get(0));
        // the record is still there, with its original reason, and the trail says who revoked it and why
        assertThat(records.inScope(viceDean, studentNo)).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("多报工时");
            assertThat(r.revoked()).isTrue();
        });
        assertThat(jdbc.sql("SELECT changes FROM audit_entry WHERE entity_type = 'award-record' AND entity_id = ?"
                + " AND action = 'cancel'").param(String.valueOf(penalty.id())).query(String.class).single())
                .contains("经复核，考勤记录有误");
    }

    @Test
    void anEmptyReasonATwiceRevokedRecordAndTheWrongRoleAreRefused() {
        AwardRecord reward = records.record(center, new AwardRecordForm(studentNo, "PRAISE", "主动加班",
                today.toString(), null));
        assertThatThrownBy(() -> records.revoke(center, reward.id(), "  "))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.messageKey()).isEqualTo("awards.revoke.reason-required");
                });
        assertThatThrownBy(() -> records.revoke(viceDean, reward.id(), "不该表扬"))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(records.inScope(center, studentNo).get(0).revoked()).isFalse();
        records.revoke(center, reward.id(), "重复记录");
        assertThatThrownBy(() -> records.revoke(center, reward.id(), "再撤一次"))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(records.inScope(center, studentNo).get(0).revokeReason()).isEqualTo("重复记录");
    }

    @Test
    void theApiAnswersProblemsNamingTheFieldAndTheStatus() throws Exception {
        AwardRecord penalty = records.record(center, new AwardRecordForm(studentNo, "NO_SHOW", "未到岗",
                today.toString(), today.toString()));
        String url = "/api/v1/awards/records/" + penalty.id() + "/revocation";
        mvc.perform(post(url).with(httpBasic(centerName, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post(url).with(httpBasic(viceDeanName, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"撤销\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/awards/records/999999999/revocation").with(httpBasic(centerName, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"撤销\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(url).with(httpBasic(centerName, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"学生已补班\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revokeReason").value("学生已补班"))
                .andExpect(jsonPath("$.revokedAt").isString());
        mvc.perform(post(url).with(httpBasic(centerName, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再撤一次\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void thePageRevokesWithAReasonAndShowsTheRecordStruckThrough() throws Exception {
        AwardRecord penalty = records.record(center, new AwardRecordForm(studentNo, "MISCONDUCT", "值班时擅自离岗",
                today.toString(), today.toString()));
        var cookie = Logins.login(mvc, centerName, Fixtures.PASSWORD);
        mvc.perform(post("/awards/records/" + penalty.id() + "/revoke").cookie(cookie).with(csrf())
                        .param("reason", ""))
                .andExpect(redirectedUrl("/awards/records"))
                .andExpect(flash().attribute("errorKey", "awards.revoke.reason-required"));
        mvc.perform(post("/awards/records/" + penalty.id() + "/revoke").cookie(cookie).with(csrf())
                        .param("reason", "当日已请假，补交假条"))
                .andExpect(redirectedUrl("/awards/records"))
                .andExpect(flash().attribute("flash", "awards.revoke.done"));
        String page = mvc.perform(get("/awards/records").param("studentNo", studentNo).cookie(cookie))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("award-revoked", "text-decoration-line-through", "已撤销", "当日已请假，补交假条",
                "值班时擅自离岗");
    }

    private List<Long> eligibleNow() {
        return lists.students(viceDean, lists.filter(StatsFilter.yearOf(today), college), ZH).eligible().stream()
                .map(StudentAward::studentId).toList();
    }
}
