package org.workstudy.placements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Student;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

@IntegrationTest
class PlacementsIntegrationTest {

    @Autowired
    Applications applications;
    @Autowired
    Placements placements;
    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    PositionWorkflow workflow;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    @Test
    void aWithdrawalGivesThePlaceToTheFirstOnTheWaitList() {
        List<Student> s = fixtures.students(school.schoolClass(school.college()), 4);
        long position = fixtures.published(2, SelectionMode.FIRST_COME, Set.of());
        ApplyOutcome first = apply(s.get(0), position);
        apply(s.get(1), position);
        ApplyOutcome third = apply(s.get(2), position);
        ApplyOutcome fourth = apply(s.get(3), position);
        assertThat(third.status()).isEqualTo(ApplicationStatus.WAITLISTED);
        assertThat(third.waitPosition()).isEqualTo(1);
        assertThat(fourth.waitPosition()).isEqualTo(2);

        applications.withdraw(PlacementFixtures.signedIn(s.get(0)), first.applicationId());

        assertThat(statusOf(third.applicationId())).isEqualTo("ACCEPTED");
        assertThat(statusOf(fourth.applicationId())).isEqualTo("WAITLISTED");
        assertThat(placements.activePlacement(position, s.get(2).id())).isTrue();
        assertThat(placements.activePlacement(position, s.get(0).id())).isFalse();
        assertThat(notifications.unreadCount(s.get(2).accountId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT accepted FROM plc_seat WHERE position_id = ?").param(position).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void anEmployerChoosesAmongApplicantsAndARejectionNeedsAReason() {
        List<Student> s = fixtures.students(school.schoolClass(school.college()), 3);
        long employer = fixtures.employer();
        long position = fixtures.published(employer, 1, SelectionMode.EMPLOYER_CHOICE, Set.of());
        ApplyOutcome a = apply(s.get(0), position);
        ApplyOutcome b = apply(s.get(1), position);
        ApplyOutcome c = apply(s.get(2), position);
        assertThat(a.status()).isEqualTo(ApplicationStatus.PENDING);
        CurrentUser contact = new CurrentUser(0, "contact", "联系人", Role.EMPLOYER,
                List.of(Grant.of(Role.EMPLOYER, employer)));

        assertThatThrownBy(() -> applications.decide(contact, b.applicationId(), false, " "))
                .hasMessageContaining("placements.decide.reason-required");
        applications.decide(contact, a.applicationId(), true, null);
        applications.decide(contact, b.applicationId(), false, "时间不合适");
        assertThatThrownBy(() -> applications.decide(contact, c.applicationId(), true, null))
                .hasMessageContaining("placements.decide.full");

        assertThat(statusOf(a.applicationId())).isEqualTo("ACCEPTED");
        assertThat(statusOf(b.applicationId())).isEqualTo("REJECTED");
        assertThat(statusOf(c.applicationId())).isEqualTo("PENDING");
        assertThat(notifications.list(s.get(1).accountId(), 0, 10).items()).singleElement()
                .satisfies(n -> assertThat(n.args()).contains("时间不合适"));
        // Another employer cannot decide.
        CurrentUser other = new CurrentUser(0, "other", "其他", Role.EMPLOYER,
                List.of(Grant.of(Role.EMPLOYER, fixtures.employer())));
        assertThatThrownBy(() -> applications.decide(other, c.applicationId(), true, null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> applications.applicants(other, position)).hasMessageContaining("error.not-found");
    }

    @Test
    void aStudentHoldsAtMostFiveOpenApplications() {
        Student s = fixtures.students(school.schoolClass(school.college()), 1).get(0);
        long employer = fixtures.employer();
        for (int i = 0; i < 5; i++) {
            apply(s, fixtures.published(employer, 1, SelectionMode.EMPLOYER_CHOICE, Set.of()));
        }
        long sixth = fixtures.published(employer, 1, SelectionMode.EMPLOYER_CHOICE, Set.of());
        assertThatThrownBy(() -> apply(s, sixth)).hasMessageContaining("placements.refused.too-many-open");
        assertThat(jdbc.sql("SELECT count(*) FROM plc_application WHERE position_id = ?").param(sixth)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aStudentOfAnotherCollegeIsNotEligible() {
        long college = school.college();
        Student outsider = fixtures.students(school.schoolClass(school.college()), 1).get(0);
        long position = fixtures.published(3, SelectionMode.FIRST_COME, Set.of(college));
        assertThatThrownBy(() -> apply(outsider, position)).hasMessageContaining("placements.refused.not-eligible");
    }

    @Test
    void closingAPositionCancelsItsOpenApplications() throws Exception {
        List<Student> s = fixtures.students(school.schoolClass(school.college()), 2);
        long position = fixtures.published(1, SelectionMode.FIRST_COME, Set.of());
        apply(s.get(0), position);
        ApplyOutcome waiting = apply(s.get(1), position);
        workflow.step(PlacementFixtures.CENTER, position, PositionAction.CLOSE, "招满");
        school.awaitEvents(() -> "CANCELLED".equals(statusOf(waiting.applicationId())));
        assertThatThrownBy(() -> apply(fixtures.students(school.schoolClass(school.college()), 1).get(0), position))
                .hasMessageContaining("placements.refused.closed");
    }

    @Test
    void aClassIsPlacedAllOrNothing() {
        long college = school.college();
        long classId = school.schoolClass(college);
        fixtures.students(classId, 4);
        long small = fixtures.published(3, SelectionMode.FIRST_COME, Set.of());
        CurrentUser collegeAdmin = new CurrentUser(0, "ca", "学院负责人", Role.COLLEGE_ADMIN,
                List.of(Grant.of(Role.COLLEGE_ADMIN, college)));
        assertThatThrownBy(() -> placements.placeClass(collegeAdmin, small, classId))
                .hasMessageContaining("placements.arrange.full");
        assertThat(jdbc.sql("SELECT count(*) FROM plc_placement WHERE position_id = ?").param(small)
                .query(Long.class).single()).isZero();

        long big = fixtures.published(10, SelectionMode.FIRST_COME, Set.of());
        assertThat(placements.placeClass(collegeAdmin, big, classId)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT accepted FROM plc_seat WHERE position_id = ?").param(big).query(Integer.class)
                .single()).isEqualTo(4);
        // Placing the same class again is refused whole: they are placed already.
        assertThatThrownBy(() -> placements.placeClass(collegeAdmin, big, classId))
                .hasMessageContaining("placements.arrange.refused");
        // A college admin cannot place another college's class.
        long otherClass = school.schoolClass(school.college());
        assertThatThrownBy(() -> placements.placeClass(collegeAdmin, big, otherClass))
                .hasMessageContaining("error.not-found");
    }

    @Test
    void aCounselorSeesOnlyTheirOwnStudentsAmongAPositionsPlacements() throws Exception {
        long classOne = school.schoolClass(school.college());
        long classTwo = school.schoolClass(school.college());
        Student one = fixtures.students(classOne, 1).get(0);
        Student two = fixtures.students(classTwo, 1).get(0);
        long position = fixtures.published(5, SelectionMode.FIRST_COME, Set.of());
        apply(one, position);
        apply(two, position);
        String counselorTwo = school.account(Grant.of(Role.COUNSELOR, classTwo));

        mvc.perform(get("/api/v1/positions/" + position + "/placements")
                        .with(httpBasic(counselorTwo, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].studentNo").value(two.studentNo()));
        Cookie session = Logins.login(mvc, counselorTwo, Fixtures.PASSWORD);
        String page = mvc.perform(get("/placements/positions/" + position).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(two.studentNo()).doesNotContain(one.studentNo()).doesNotContain(one.name());
        // The position's manager (the center) still sees every placement.
        String center = school.account(Grant.school(Role.CENTER_STAFF));
        mvc.perform(get("/api/v1/positions/" + position + "/placements").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void theApiAppliesIdempotentlyAndHidesOtherEmployersApplicants() throws Exception {
        Student s = fixtures.students(school.schoolClass(school.college()), 1).get(0);
        String password = school.password(s.studentNo());
        long employer = fixtures.employer();
        long position = fixtures.published(employer, 2, SelectionMode.FIRST_COME, Set.of());
        mvc.perform(post("/api/v1/positions/" + position + "/applications").with(httpBasic(s.studentNo(), password)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(post("/api/v1/positions/" + position + "/applications").with(httpBasic(s.studentNo(), password)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.repeated").value(true));
        String mine = school.account(Grant.of(Role.EMPLOYER, employer));
        String theirs = school.account(Grant.of(Role.EMPLOYER, fixtures.employer()));
        mvc.perform(get("/api/v1/positions/" + position + "/applications").with(httpBasic(mine, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].studentNo").value(s.studentNo()));
        mvc.perform(get("/api/v1/positions/" + position + "/applications").with(httpBasic(theirs, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        Cookie session = Logins.login(mvc, theirs, Fixtures.PASSWORD);
        mvc.perform(get("/placements/positions/" + position).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/positions/" + position + "/placements").with(httpBasic(theirs, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"studentIds\":[" + s.id() + "]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStudentAppliesThroughThePageAndSeesTheAnswer() throws Exception {
        Student s = fixtures.students(school.schoolClass(school.college()), 1).get(0);
        long position = fixtures.published(1, SelectionMode.FIRST_COME, Set.of());
        Cookie session = Logins.login(mvc, s.studentNo(), school.password(s.studentNo()));
        mvc.perform(post("/jobs/" + position + "/apply").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(placements.activePlacement(position, s.id())).isTrue();
        mvc.perform(get("/my/applications").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void thePageOffersApplyingOnlyWhereTheStudentMayAndSaysWhyNot() throws Exception {
        Student s = fixtures.students(school.schoolClass(school.college()), 1).get(0);
        long otherCollegesOnly = fixtures.published(1, SelectionMode.FIRST_COME, Set.of(school.college()));
        long forEveryone = fixtures.published(1, SelectionMode.FIRST_COME, Set.of());
        Cookie session = Logins.login(mvc, s.studentNo(), school.password(s.studentNo()));
        mvc.perform(get("/jobs/" + otherCollegesOnly).cookie(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("该岗位不面向您所在的学院或年级"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"apply\"")))));
        mvc.perform(get("/jobs/" + forEveryone).cookie(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("id=\"apply\""),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("apply-refusal")))));
    }

    @Test
    void thePlacesLeftRefreshAsAFragmentAndTheApiIsDocumented() throws Exception {
        Student s = fixtures.students(school.schoolClass(school.college()), 1).get(0);
        long position = fixtures.published(3, SelectionMode.FIRST_COME, Set.of());
        apply(s, position);
        String leader = school.account(Grant.school(Role.LEADER));
        Cookie session = Logins.login(mvc, leader, Fixtures.PASSWORD);
        mvc.perform(get("/jobs/" + position + "/seats").header("HX-Request", "true").cookie(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("剩余 2 / 3"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html")))));
        mvc.perform(get("/api/v1/openapi").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/positions/{id}/applications']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/positions/{id}/placements']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/students/{id}']").exists());
    }

    @Test
    void thePlanCountsTheYearsPlacementsOfOneCollegeOrOfTheWholeSchool() {
        LocalDate today = LocalDate.now(clock);
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        String year = start + "-" + (start + 1);
        long collegeA = school.college();
        long collegeB = school.college();
        long wholeSchool = placements.placements(null, year);
        List<Student> a = fixtures.students(school.schoolClass(collegeA), 2);
        List<Student> b = fixtures.students(school.schoolClass(collegeB), 1);
        long position = fixtures.published(5, SelectionMode.FIRST_COME, Set.of());
        a.forEach(s -> apply(s, position));
        b.forEach(s -> apply(s, position));

        assertThat(placements.placements(collegeA, year)).isEqualTo(2);
        assertThat(placements.placements(collegeB, year)).isEqualTo(1);
        assertThat(placements.placements(null, year)).isEqualTo(wholeSchool + 3);
        assertThat(placements.placements(collegeA, (start - 1) + "-" + start)).isZero();
    }

    private ApplyOutcome apply(Student s, long position) {
        return applications.apply(PlacementFixtures.signedIn(s), position);
    }

    private String statusOf(long applicationId) {
        return jdbc.sql("SELECT status FROM plc_application WHERE id = ?").param(applicationId).query(String.class)
                .single();
    }
}
