package org.workstudy.placements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.approvals.Approvals;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.placements.internal.SelfArrangedPages;
import org.workstudy.placements.internal.SelfArrangedRow;
import org.workstudy.policy.Policies;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

@IntegrationTest
class SelfArrangedWorkIntegrationTest {

    static final String CHANGED = Fixtures.ACTIVATED_PASSWORD;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    SelfArrangedWork work;
    @Autowired
    SelfArrangedPages pages;
    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    Organization organization;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Approvals approvals;
    @Autowired
    Roster roster;
    @Autowired
    DataScope scope;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    Policies policies;
    @Autowired
    org.workstudy.places.Divisions divisions;

    record People(Student student, long classId, long collegeId) {
    }

    People student() {
        long college = school.college();
        long classId = school.schoolClass(college);
        return new People(fixtures.students(classId, 1).get(0), classId, college);
    }

    static CurrentUser counselor(long classId) {
        return new CurrentUser(0, "counselor-" + classId, "辅导员", Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classId)));
    }

    static CurrentUser viceDean(long collegeId) {
        return new CurrentUser(0, "vice-dean-" + collegeId, "副院长", Role.VICE_DEAN,
                List.of(Grant.of(Role.VICE_DEAN, collegeId)));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    SelfArrangedForm form(String city, LocalDate start) {
        return new SelfArrangedForm("鹭岛商贸有限公司", city, "某路 8 号", "陈经理", "0592-5550000", start,
                start.plusDays(10), new BigDecimal("36"), "门店导购");
    }

    String statusOf(long id) {
        return jdbc.sql("SELECT status FROM plc_self_work WHERE id = ?").param(id).query(String.class).single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(Arrays.asList(params)).query(Long.class).single();
    }

    @Test
    void theHomeCityFlowThroughThePages() throws Exception {
        People p = student();
        String counselorName = school.account(Grant.of(Role.COUNSELOR, p.classId()));
        Cookie student = studentSession(p.student());
        LocalDate start = today().plusDays(2);

        mvc.perform(get("/self-arranged/new").cookie(student)).andExpect(status().isOk());
        mvc.perform(post("/self-arranged").cookie(student).with(csrf())
                        .param("employerName", "鹭岛商贸有限公司").param("city", "厦门市").param("address", "某路 8 号")
                        .param("contactPerson", "陈经理").param("contactPhone", "0592-5550000")
                        .param("startsOn", start.toString()).param("endsOn", start.plusDays(3).toString())
                        .param("expectedHours", "18").param("content", "门店导购"))
                .andExpect(status().is3xxRedirection());
        SelfArrangedView registered = work.ofStudent(p.student().id()).get(0);
        assertThat(registered.outOfCity()).as("厦门市 is the home city 厦门").isFalse();
        assertThat(registered.status()).isEqualTo(SelfArrangedStatus.SUBMITTED);
        long id = registered.id();
        mvc.perform(get("/self-arranged").cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("鹭岛商贸有限公司")));

        Cookie counselor = Logins.login(mvc, counselorName, Fixtures.PASSWORD);
        mvc.perform(get("/self-arranged/review").cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/self-arranged/" + id)));
        mvc.perform(get("/").cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("待我审批")));
        mvc.perform(post("/self-arranged/" + id + "/decision").cookie(counselor).with(csrf()).param("approve", "true"))
                .andExpect(status().is3xxRedirection());

        SelfArrangedView approved = work.find(id).orElseThrow();
        assertThat(approved.status()).isEqualTo(SelfArrangedStatus.APPROVED);
        assertThat(approved.counselorApprovedOn()).isEqualTo(today());
        assertThat(approved.countsOn(start)).isTrue();
        assertThat(approved.countsOn(today().minusDays(1))).isFalse();
        assertThat(notifications.unreadCount(p.student().accountId())).isEqualTo(1);
        assertThat(approvals.historyOf(SelfArrangedWork.SUBJECT, id)).singleElement()
                .satisfies(d -> assertThat(d.approved()).isTrue());
        mvc.perform(get("/self-arranged/" + id).cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("辅导员批准")));
        mvc.perform(get("/self-arranged/" + id + "/print").cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("自行联系勤工助学申请表")));
        assertThat(count("SELECT count(*) FROM audit_entry WHERE entity_type = 'self-arranged-work' AND entity_id = ?",
                String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void theOutOfCityFlowWithTheCertificateThroughTheApi() throws Exception {
        People p = student();
        String counselorName = school.account(Grant.of(Role.COUNSELOR, p.classId()));
        String viceDeanName = school.account(Grant.of(Role.VICE_DEAN, p.collegeId()));
        String studentPw = school.password(p.student().studentNo());
        LocalDate start = today().plusDays(1);
        String body = """
                {"employerName":"泉州某酒店","city":"泉州","address":"丰泽区某路 1 号","contactPerson":"林经理",
                 "contactPhone":"0595-2220000","startsOn":"%s","endsOn":"%s","expectedHours":60,"content":"前台接待"}"""
                .formatted(start, start.plusDays(14));
        String location = mvc.perform(post("/api/v1/self-arranged").with(httpBasic(p.student().studentNo(), studentPw))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.work.outOfCity").value(true))
                .andExpect(jsonPath("$.work.status").value("SUBMITTED")).andReturn().getResponse()
                .getContentAsString();
        long id = work.ofStudent(p.student().id()).get(0).id();
        assertThat(location).contains("\"id\":" + id);

        mvc.perform(post("/api/v1/self-arranged/" + id + "/decision").with(httpBasic(viceDeanName, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/self-arranged/" + id + "/decision").with(httpBasic(counselorName, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.work.status").value("WAITING_VICE_DEAN"));
        mvc.perform(get("/api/v1/self-arranged").with(httpBasic(viceDeanName, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].work.id").value(id));
        mvc.perform(post("/api/v1/self-arranged/" + id + "/decision").with(httpBasic(viceDeanName, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"reason\":\"注意安全\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.work.status").value("VICE_DEAN_APPROVED"));
        SelfArrangedView approved = work.find(id).orElseThrow();
        assertThat(approved.viceDeanApprovedOn()).isEqualTo(today());
        assertThat(approved.countsOn(start)).as("no verified certificate yet").isFalse();

        byte[] pdf = "%PDF-1.4 单位证明".getBytes();
        mvc.perform(multipart("/api/v1/self-arranged/" + id + "/certificate")
                        .file(new MockMultipartFile("file", "证明.pdf", "application/pdf", pdf))
                        .with(httpBasic(p.student().studentNo(), studentPw)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.work.status").value("CERTIFICATE_UPLOADED"));
        assertThat(work.find(id).orElseThrow().countsOn(start)).isFalse();
        mvc.perform(post("/api/v1/self-arranged/" + id + "/certificate/verification")
                        .with(httpBasic(counselorName, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accept\":false}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/self-arranged/" + id + "/certificate/verification")
                        .with(httpBasic(counselorName, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accept\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.work.status").value("VERIFIED"));

        SelfArrangedView verified = work.find(id).orElseThrow();
        assertThat(verified.certificateVerified()).isTrue();
        assertThat(verified.countsOn(start)).isTrue();
        assertThat(verified.countsOn(today())).as("before the start").isFalse();
        mvc.perform(get("/api/v1/self-arranged/" + id + "/history").with(httpBasic(p.student().studentNo(), studentPw)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(5));
        mvc.perform(get("/api/v1/self-arranged/" + id + "/decisions").with(httpBasic(viceDeanName, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].role").value("VICE_DEAN"));
        assertThat(notifications.unreadCount(p.student().accountId())).isEqualTo(3);
    }

    @Test
    void registeringAfterTheStartIsRefusedNamingTheRule() throws Exception {
        People p = student();
        CurrentUser s = PlacementFixtures.signedIn(p.student());
        assertThatThrownBy(() -> work.register(s, form("厦门", today().minusDays(1))))
                .hasMessageContaining("selfwork.register-too-late");
        mvc.perform(post("/api/v1/self-arranged")
                        .with(httpBasic(p.student().studentNo(), school.password(p.student().studentNo())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"employerName":"某公司","city":"厦门","address":"某路","contactPerson":"王","contactPhone":"13900000000",
                                 "startsOn":"%s","endsOn":"%s","expectedHours":6,"content":"发传单"}"""
                                .formatted(today().minusDays(1), today().plusDays(1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("须在开始前报备")));
        assertThat(work.ofStudent(p.student().id())).isEmpty();
        long id = work.register(s, form("厦门", today()));
        assertThat(work.find(id).orElseThrow().status()).isEqualTo(SelfArrangedStatus.SUBMITTED);
    }

    @Test
    void aCounselorOfAnotherClassCannotApprove() throws Exception {
        People p = student();
        long id = work.register(PlacementFixtures.signedIn(p.student()), form("厦门", today().plusDays(3)));
        long otherClass = school.schoolClass(p.collegeId());
        String other = school.account(Grant.of(Role.COUNSELOR, otherClass));

        Cookie session = Logins.login(mvc, other, Fixtures.PASSWORD);
        mvc.perform(post("/self-arranged/" + id + "/decision").cookie(session).with(csrf()).param("approve", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/self-arranged/" + id).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/self-arranged/" + id + "/decision").with(httpBasic(other, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/self-arranged/" + id).with(httpBasic(other, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(pages.waitingFor(counselor(otherClass))).isEmpty();
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        assertThat(count("SELECT count(*) FROM apv_decision WHERE request_id = (SELECT approval_request_id FROM"
                + " plc_self_work WHERE id = ?)", id)).isZero();
    }

    @Test
    void aViceDeanOfAnotherCollegeCannotApprove() throws Exception {
        People p = student();
        long id = work.register(PlacementFixtures.signedIn(p.student()), form("福州", today().plusDays(3)));
        work.decide(counselor(p.classId()), id, true, null);
        String other = school.account(Grant.of(Role.VICE_DEAN, school.college()));

        mvc.perform(post("/api/v1/self-arranged/" + id + "/decision").with(httpBasic(other, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isNotFound());
        Cookie session = Logins.login(mvc, other, Fixtures.PASSWORD);
        mvc.perform(post("/self-arranged/" + id + "/decision").cookie(session).with(csrf()).param("approve", "true"))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("WAITING_VICE_DEAN");
        assertThat(work.find(id).orElseThrow().viceDeanApprovedOn()).isNull();

        work.decide(viceDean(p.collegeId()), id, false, "单位资质不明");
        assertThat(statusOf(id)).isEqualTo("REFUSED");
    }

    @Test
    void theViceDeanCannotApproveOnTheStartDate() {
        People p = student();
        LocalDate start = today().plusDays(1);
        long id = work.register(PlacementFixtures.signedIn(p.student()), form("泉州", start));
        work.decide(counselor(p.classId()), id, true, null);
        OnDay onStartDay = at(start);
        long auditBefore = count("SELECT count(*) FROM audit_entry");

        assertThatThrownBy(() -> school.inTransaction(() -> {
            onStartDay.decide(viceDean(p.collegeId()), id, true, null);
            return null;
        })).isInstanceOf(BusinessException.class).hasMessageContaining("selfwork.vice-dean-too-late");

        assertThat(statusOf(id)).isEqualTo("WAITING_VICE_DEAN");
        assertThat(count("SELECT count(*) FROM apv_decision WHERE request_id = (SELECT approval_request_id FROM"
                + " plc_self_work WHERE id = ?)", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry")).isEqualTo(auditBefore);
        assertThat(onStartDay.waitingFor(viceDean(p.collegeId()))).as("expired: no longer waiting").isEmpty();
        assertThat(work.find(id).orElseThrow().countsOn(start)).isFalse();

        // the day before the start is in time
        school.inTransaction(() -> {
            at(start.minusDays(1)).decide(viceDean(p.collegeId()), id, true, null);
            return null;
        });
        assertThat(statusOf(id)).isEqualTo("VICE_DEAN_APPROVED");
    }

    @Test
    void aRenamedExecutableAndAnOversizedFileAreRefusedAndNothingIsWritten() throws Exception {
        People p = student();
        long id = work.register(PlacementFixtures.signedIn(p.student()), form("厦门", today().plusDays(1)));
        work.decide(counselor(p.classId()), id, true, null);
        long events = count("SELECT count(*) FROM apv_history WHERE subject_type = 'self-arranged-work' AND subject_id = ?", id);
        Cookie session = studentSession(p.student());
        long audits = count("SELECT count(*) FROM audit_entry WHERE entity_type = 'self-arranged-work'");

        byte[] exe = "MZ\u0090\u0000\u0003 this program cannot be run in DOS mode".getBytes();
        mvc.perform(multipart("/self-arranged/" + id + "/certificate")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", exe)).cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorKey", "selfwork.certificate.type"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        mvc.perform(multipart("/api/v1/self-arranged/" + id + "/certificate")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .with(httpBasic(p.student().studentNo(), CHANGED)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("10 MB")));
        mvc.perform(multipart("/api/v1/self-arranged/" + id + "/certificate")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", exe))
                        .with(httpBasic(p.student().studentNo(), CHANGED)))
                .andExpect(status().isUnprocessableContent());

        assertThat(statusOf(id)).isEqualTo("APPROVED");
        assertThat(count("SELECT count(*) FROM plc_self_certificate WHERE work_id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM apv_history WHERE subject_type = 'self-arranged-work' AND subject_id = ?", id)).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE entity_type = 'self-arranged-work'"))
                .isEqualTo(audits);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        work.uploadCertificate(PlacementFixtures.signedIn(p.student()), id, "seal.png", png);
        assertThat(statusOf(id)).isEqualTo("CERTIFICATE_UPLOADED");
        assertThat(work.find(id).orElseThrow().countsOn(today().plusDays(1))).as("home city counts anyway").isTrue();
        mvc.perform(get("/self-arranged/" + id + "/certificate").cookie(session)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
    }

    @Test
    void aReturnedRegistrationIsEditedAndResubmittedOrWithdrawn() {
        People p = student();
        CurrentUser s = PlacementFixtures.signedIn(p.student());
        long id = work.register(s, form("厦门", today().plusDays(5)));
        assertThatThrownBy(() -> work.decide(counselor(p.classId()), id, false, " "))
                .hasMessageContaining("approvals.reason-required");
        work.decide(counselor(p.classId()), id, false, "请写明工作时间");
        assertThat(statusOf(id)).isEqualTo("RETURNED");
        assertThat(pages.get(s, id).lastReason()).isEqualTo("请写明工作时间");

        work.update(s, id, new SelfArrangedForm("鹭岛商贸有限公司", "泉州", "某路 8 号", "陈经理", "0592-5550000",
                today().plusDays(5), today().plusDays(6), new BigDecimal("12"), "周末 9:00-15:00 门店导购"));
        SelfArrangedView again = work.find(id).orElseThrow();
        assertThat(again.status()).isEqualTo(SelfArrangedStatus.SUBMITTED);
        assertThat(again.outOfCity()).isTrue();
        // the resubmission waits in a new request; the returned one stays closed
        long returned = approvals.historyOf(SelfArrangedWork.SUBJECT, id).get(0).requestId();
        assertThat(approvals.pendingFor(counselor(p.classId()), SelfArrangedWork.SUBJECT))
                .filteredOn(r -> r.subjectId() == id).singleElement()
                .satisfies(r -> assertThat(r.requestId()).isNotEqualTo(returned));
        assertThat(pages.waitingFor(counselor(p.classId()))).extracting(r -> r.work().id()).contains(id);

        work.withdraw(s, id);
        assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
        assertThat(pages.waitingFor(counselor(p.classId()))).extracting(r -> r.work().id()).doesNotContain(id);
        assertThatThrownBy(() -> work.decide(counselor(p.classId()), id, true, null))
                .hasMessageContaining("selfwork.not-pending");
    }

    // ---- places from the national division list (issue 12, item 2) ----

    @Test
    void aDistrictOfTheHomeCityIsInsideANeighbouringCityIsOutsideAndAnUnknownPlaceIsRefused() {
        People a = student();
        People b = student();
        long inDistrict = work.register(PlacementFixtures.signedIn(a.student()), form("350203", today().plusDays(3)));
        SelfArrangedView siming = work.find(inDistrict).orElseThrow();
        assertThat(siming.outOfCity()).as("思明区 lies in the home city 厦门市 (350200)").isFalse();
        assertThat(siming.city()).isEqualTo("厦门市思明区");
        long neighbour = work.register(PlacementFixtures.signedIn(b.student()), form("350503", today().plusDays(3)));
        assertThat(work.find(neighbour).orElseThrow().outOfCity()).as("泉州市丰泽区").isTrue();
        assertThatThrownBy(() -> work.register(PlacementFixtures.signedIn(a.student()), form("厦们",
                today().plusDays(3))))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> {
                    assertThat(((BusinessException) e).messageKey()).isEqualTo("places.unknown");
                    assertThat(((BusinessException) e).field()).isEqualTo("city");
                });
        assertThat(policies.newest().homeDivision()).as("the seeded policy's 厦门, mapped by V58").isEqualTo("350200");
    }

    @Test
    void thePickerSearchesDivisionsAndKeepsTheChoiceFirst() throws Exception {
        People p = student();
        Cookie session = studentSession(p.student());
        String html = mvc.perform(get("/places/search").param("field", "city").param("placeQuery", "思明")
                        .cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"350203\"", "福建省 厦门市 思明区");
        String kept = mvc.perform(get("/places/search").param("field", "city").param("q", "泉州")
                        .param("city", "350203").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kept.indexOf("350203")).as("the choice so far stays first").isLessThan(kept.indexOf("350500"));
        assertThat(kept).contains("value=\"350203\" checked");
        assertThat(mvc.perform(get("/self-arranged/new").cookie(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("city-picker", "hx-get=\"/places/search?field=city\"");
    }

    @Test
    void placesNoDivisionMatchedAreListedForAnAdministratorOnly() throws Exception {
        long id = jdbc.sql("INSERT INTO pos_employer (on_campus, name, city, active) VALUES (FALSE, ?, '鼓楼区', TRUE)"
                        + " RETURNING id").param("旧数据单位" + Fixtures.next()).query(Long.class).single();
        try {
            Cookie admin = Logins.login(mvc, school.account(Grant.school(Role.ADMIN)), Fixtures.PASSWORD);
            assertThat(mvc.perform(get("/admin/places/unmatched").cookie(admin)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("未能对应行政区划的地点", "鼓楼区", "/employers/" + id);
            Cookie staff = Logins.login(mvc, school.account(Grant.school(Role.CENTER_STAFF)), Fixtures.PASSWORD);
            assertThat(mvc.perform(get("/admin/places/unmatched").cookie(staff)).andReturn().getResponse()
                    .getStatus()).isIn(403, 404);
        } finally {
            jdbc.sql("DELETE FROM pos_employer WHERE id = ?").param(id).update();
        }
    }

    /** The steps a test runs on {@code day} (a fixed clock), built outside Spring's proxies. */
    private record OnDay(SelfArrangedLifecycle lifecycle, SelfArrangedPages pages) {

        void decide(CurrentUser user, long id, boolean approve, String reason) {
            lifecycle.decide(user, id, approve, reason);
        }

        List<SelfArrangedRow> waitingFor(CurrentUser user) {
            return pages.waitingFor(user);
        }
    }

    private OnDay at(LocalDate day) {
        Clock fixed = Clock.fixed(day.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        SelfArrangedStore store = new SelfArrangedStore(jdbc);
        SelfArrangedLifecycle lifecycle = new SelfArrangedLifecycle(store, approvals, roster, organization, scope,
                notifications, audit, fixed);
        SelfArrangedHomeCities homeCities = new SelfArrangedHomeCities(roster, organization, policies, divisions);
        return new OnDay(lifecycle, new SelfArrangedPageReads(store, lifecycle, homeCities, approvals, roster,
                organization, scope, fixed));
    }

    private Cookie studentSession(Student s) throws Exception {
        return Logins.login(mvc, s.studentNo(), school.password(s.studentNo()));
    }
}
