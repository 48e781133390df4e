package org.workstudy.exemptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.workstudy.exemptions.ExemptionFixtures.Unit;
import org.workstudy.exemptions.internal.ExemptionEvent;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.exemptions.internal.ExemptionEvidence;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.quality.QualityCredits;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;
import org.workstudy.credits.ExemptionKind;

/** Exemption and offset applications on PostgreSQL: the review by counselor and director, scope, bad input. */
@IntegrationTest
class ExemptionsIntegrationTest {

    static final byte[] PDF = "%PDF-1.4 困难认定证明".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    ExemptionFixtures fixtures;
    @Autowired
    Exemptions exemptions;
    @Autowired
    ExemptionPages pages;
    @Autowired
    QualityCredits quality;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    ExemptionStatus statusOf(long id) {
        return ExemptionStatus.valueOf(jdbc.sql("SELECT status FROM cr_exemption WHERE id = ?").param(id)
                .query(String.class).single());
    }

    long only(Student s) {
        return jdbc.sql("SELECT max(id) FROM cr_exemption WHERE student_id = ?").param(s.id()).query(Long.class)
                .single();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    static MockMultipartHttpServletRequestBuilder applyPage(String kind, String credits, byte[]... files) {
        MockMultipartHttpServletRequestBuilder b = multipart("/my/exemptions");
        for (int i = 0; i < files.length; i++) {
            b.file(new MockMultipartFile("files", "证明" + i + ".pdf", "application/pdf", files[i]));
        }
        b.param("kind", kind).param("reasonKind", "HARDSHIP").param("reason", "家庭经济困难，需照顾患病父母");
        if (credits != null) {
            b.param("qualityCredits", credits);
        }
        return b;
    }

    static MockMultipartFile json(String body) {
        return new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE, body.getBytes());
    }

    @Test
    void anExemptionIsAppliedForApprovedByTheCounselorAndGrantedByTheDirector() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        Cookie student = fixtures.studentSession(mvc, s);
        mvc.perform(get("/my/exemptions").cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"new-exemption\"")));
        mvc.perform(applyPage("EXEMPT", null, PDF, PNG).cookie(student).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long id = only(s);
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.SUBMITTED);
        assertThat(pages.evidence(PlacementFixtures.signedIn(s), id)).hasSize(2)
                .extracting(ExemptionEvidence::contentType).containsExactly("application/pdf", "image/png");
        mvc.perform(get("/my/exemptions").cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("待辅导员审核")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"new-exemption\""))));

        Cookie counselor = Logins.login(mvc, u.counselor(), Fixtures.PASSWORD);
        mvc.perform(get("/").cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/exemptions/review")));
        mvc.perform(get("/exemptions/review").cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/exemptions/" + id)));
        String page = mvc.perform(get("/exemptions/" + id).cookie(counselor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"decide-card\"").contains("家庭经济困难，需照顾患病父母").contains("证明0.pdf");
        long fileId = pages.evidence(PlacementFixtures.signedIn(s), id).get(0).id();
        mvc.perform(get("/exemptions/" + id + "/evidence/" + fileId).cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andExpect(content().bytes(PDF));
        mvc.perform(post("/exemptions/" + id + "/decision").cookie(counselor).with(csrf()).param("approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.WAITING_DIRECTOR);

        String director = fixtures.director();
        Cookie dir = Logins.login(mvc, director, Fixtures.PASSWORD);
        mvc.perform(get("/exemptions/review").cookie(dir)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/exemptions/" + id)));
        mvc.perform(post("/exemptions/" + id + "/decision").cookie(dir).with(csrf()).param("approve", "true")
                        .param("reason", "情况属实"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.GRANTED);

        List<String> actions = pages.history(PlacementFixtures.signedIn(s), id).stream()
                .map(ExemptionEvent::action).toList();
        assertThat(actions).containsExactly("submitted", "counselor-approved", "granted");
        assertThat(notifications.unreadCount(s.accountId())).as("told at each decision").isEqualTo(2);
        mvc.perform(get("/exemptions/" + id).cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("情况属实")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"decide-card\""))));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'exemption' AND entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aPartialOffsetUsesTheCreditsAtThePolicysConversionAndLeavesTheRestToWork() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        fixtures.credits(s, "1.5");
        String pw = fixtures.apiPassword(s);

        mvc.perform(multipart("/api/v1/exemptions")
                        .file(json("{\"kind\":\"OFFSET\",\"reasonKind\":\"DISABILITY\",\"reason\":\"下肢残疾\","
                                + "\"qualityCredits\":2}"))
                        .file(new MockMultipartFile("files", "残疾证.pdf", "application/pdf", PDF))
                        .with(httpBasic(s.studentNo(), pw)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("可用 1.5 学分")));
        mvc.perform(multipart("/api/v1/exemptions")
                        .file(json("{\"kind\":\"OFFSET\",\"reasonKind\":\"DISABILITY\",\"reason\":\"下肢残疾\","
                                + "\"qualityCredits\":1}"))
                        .file(new MockMultipartFile("files", "残疾证.pdf", "application/pdf", PDF))
                        .with(httpBasic(s.studentNo(), pw)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.offsetHours").value(180))
                .andExpect(jsonPath("$.remainingHours").value(180));
        long id = only(s);
        assertThat(quality.standing(s.id()).available()).as("the offset holds its credit")
                .isEqualByComparingTo("0.5");
        Cookie counselor = Logins.login(mvc, u.counselor(), Fixtures.PASSWORD);
        mvc.perform(get("/exemptions/" + id).cookie(counselor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("抵扣 180 学时，仍需完成 180 学时")));
        mvc.perform(get("/api/v1/exemptions").with(httpBasic(u.counselor(), Fixtures.PASSWORD)).param("waiting", "true"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));

        // the student withdraws before the decision, which gives the credit back
        mvc.perform(post("/api/v1/exemptions/" + id + "/withdraw").with(httpBasic(s.studentNo(), pw)))
                .andExpect(status().isNoContent());
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.WITHDRAWN);
        assertThat(quality.standing(s.id()).available()).isEqualByComparingTo("1.5");
        mvc.perform(post("/api/v1/exemptions/" + id + "/decision").with(httpBasic(u.counselor(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isConflict());
    }

    @Test
    void theCounselorReturnsWithAReasonAndTheStudentMayApplyAgain() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        Cookie student = fixtures.studentSession(mvc, s);
        mvc.perform(applyPage("EXEMPT", null, PDF).cookie(student).with(csrf())).andExpect(status().is3xxRedirection());
        long id = only(s);
        Cookie counselor = Logins.login(mvc, u.counselor(), Fixtures.PASSWORD);
        mvc.perform(post("/exemptions/" + id + "/decision").cookie(counselor).with(csrf()).param("approve", "false"))
                .andExpect(flash().attribute("errorKey", "approvals.reason-required"));
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.SUBMITTED);
        mvc.perform(post("/exemptions/" + id + "/decision").cookie(counselor).with(csrf()).param("approve", "false")
                        .param("reason", "请补充医院证明"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.RETURNED);
        assertThat(notifications.list(s.accountId(), 0, 5).items().get(0).args()).contains("请补充医院证明");
        mvc.perform(get("/exemptions/" + id).cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请补充医院证明")))
                .andExpect(content().string(Matchers.containsString("辅导员已退回")));

        mvc.perform(applyPage("EXEMPT", null, PDF).cookie(student).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(only(s)).isNotEqualTo(id);
        assertThat(statusOf(only(s))).isEqualTo(ExemptionStatus.SUBMITTED);
    }

    @Test
    void theDirectorRejectsWithAReason() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        String pw = fixtures.apiPassword(s);
        mvc.perform(multipart("/api/v1/exemptions")
                        .file(json("{\"kind\":\"EXEMPT\",\"reasonKind\":\"OTHER\",\"reason\":\"其他原因\"}"))
                        .file(new MockMultipartFile("files", "a.png", "image/png", PNG))
                        .with(httpBasic(s.studentNo(), pw)))
                .andExpect(status().isCreated());
        long id = only(s);
        String director = fixtures.director();
        mvc.perform(post("/api/v1/exemptions/" + id + "/decision").with(httpBasic(director, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/exemptions/" + id + "/decision").with(httpBasic(u.counselor(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING_DIRECTOR"));
        mvc.perform(post("/api/v1/exemptions/" + id + "/withdraw").with(httpBasic(u.counselor(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/exemptions/" + id + "/decision").with(httpBasic(director, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false,\"reason\":\"理由不充分\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/v1/exemptions/" + id + "/decisions").with(httpBasic(s.studentNo(), pw)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].reason").value("理由不充分"))
                .andExpect(jsonPath("$[1].role").value("CENTER_DIRECTOR"));
        assertThat(pages.history(PlacementFixtures.signedIn(s), id).get(2).reason()).isEqualTo("理由不充分");
    }

    @Test
    void anotherCollegesCounselorSeesNeitherTheApplicationNorItsEvidence() throws Exception {
        Unit u = fixtures.unit(1);
        Unit other = fixtures.unit(1);
        Student s = u.student();
        Cookie student = fixtures.studentSession(mvc, s);
        mvc.perform(applyPage("EXEMPT", null, PDF).cookie(student).with(csrf())).andExpect(status().is3xxRedirection());
        long id = only(s);
        long fileId = pages.evidence(PlacementFixtures.signedIn(s), id).get(0).id();

        Cookie stranger = Logins.login(mvc, other.counselor(), Fixtures.PASSWORD);
        mvc.perform(get("/exemptions/" + id).cookie(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/exemptions/" + id + "/evidence/" + fileId).cookie(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(post("/exemptions/" + id + "/decision").cookie(stranger).with(csrf()).param("approve", "true"))
                .andExpect(status().isNotFound());
        String api = other.counselor();
        mvc.perform(get("/api/v1/exemptions/" + id).with(httpBasic(api, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exemptions/" + id + "/evidence/" + fileId).with(httpBasic(api, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/exemptions/" + id + "/decision").with(httpBasic(api, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exemptions").with(httpBasic(api, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        // another student neither
        Cookie otherStudent = fixtures.studentSession(mvc, other.student());
        mvc.perform(get("/exemptions/" + id + "/evidence/" + fileId).cookie(otherStudent))
                .andExpect(status().isNotFound());
        // the college's admin (in scope) may look, but decides nothing
        mvc.perform(get("/exemptions/" + id + "/evidence/" + fileId)
                        .cookie(Logins.login(mvc, u.collegeAdmin(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo(ExemptionStatus.SUBMITTED);
    }

    @Test
    void badInputWritesNothing() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        Cookie student = fixtures.studentSession(mvc, s);
        long before = count("cr_exemption") + count("cr_exemption_evidence") + count("apv_request");
        byte[] exe = "MZ\u0090\u0000\u0003 this program cannot be run in DOS mode".getBytes();

        String html = mvc.perform(applyPage("EXEMPT", null, PDF, exe).cookie(student).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"form-error\"").contains("改扩展名无效");
        mvc.perform(applyPage("EXEMPT", null).cookie(student).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请上传证明材料")));
        mvc.perform(applyPage("EXEMPT", null, PDF, PDF, PDF, PDF, PDF, PDF).cookie(student).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("最多 5 个文件")));
        mvc.perform(applyPage("OFFSET", "1", PDF).cookie(student).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("还没有你的素质拓展学分记录")));
        mvc.perform(multipart("/my/exemptions").file(new MockMultipartFile("files", "a.pdf", "application/pdf", PDF))
                        .param("kind", "EXEMPT").param("reasonKind", "HARDSHIP").param("reason", "  ")
                        .cookie(student).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("请填写申请类型")));
        mvc.perform(multipart("/api/v1/exemptions")
                        .file(json("{\"kind\":\"EXEMPT\",\"reasonKind\":\"OTHER\",\"reason\":\"x\"}"))
                        .file(new MockMultipartFile("files", "a.pdf", "application/pdf", exe))
                        .with(httpBasic(s.studentNo(), fixtures.apiPassword(s))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:workstudy:exemption.evidence.type"));

        assertThat(count("cr_exemption") + count("cr_exemption_evidence") + count("apv_request")).isEqualTo(before);
        // staff do not apply
        mvc.perform(multipart("/api/v1/exemptions")
                        .file(json("{\"kind\":\"EXEMPT\",\"reasonKind\":\"OTHER\",\"reason\":\"x\"}"))
                        .file(new MockMultipartFile("files", "a.pdf", "application/pdf", PDF))
                        .with(httpBasic(u.counselor(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSecondLiveApplicationIsRefusedInCodeAndInTheDatabase() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        Cookie student = fixtures.studentSession(mvc, s);
        mvc.perform(applyPage("EXEMPT", null, PDF).cookie(student).with(csrf())).andExpect(status().is3xxRedirection());
        long first = only(s);
        mvc.perform(applyPage("EXEMPT", null, PDF).cookie(student).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("不能重复申请")));
        assertThat(only(s)).isEqualTo(first);
        mvc.perform(get("/my/exemptions").cookie(student)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"exemption-blocked\"")));

        long policy = jdbc.sql("SELECT policy_version_id FROM cr_exemption WHERE id = ?").param(first)
                .query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO cr_exemption (student_id, kind, reason_kind, reason, status,"
                        + " policy_version_id, created_by, created_at) VALUES (?, 'EXEMPT', 'OTHER', 'x', 'GRANTED', ?,"
                        + " 'test', CURRENT_TIMESTAMP)").params(s.id(), policy).update())
                .as("one live application per student, whatever the code does").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aStudentWhoseCreditIsRecognisedOrWhoseCohortHasNoPolicyCannotApply() throws Exception {
        Unit u = fixtures.unit(1);
        Student s = u.student();
        jdbc.sql("INSERT INTO cr_credit_record (student_id, course_name, credits, term_code, recognised_on, basis,"
                + " hours, verification_code, created_at) VALUES (?, '勤工助学', 2, '2025-2026-2', CURRENT_DATE, 'HOURS',"
                + " 360, ?, CURRENT_TIMESTAMP)").params(s.id(), "T" + s.id()).update();
        assertThatThrownBy(() -> exemptions.apply(PlacementFixtures.signedIn(s),
                new ExemptionForm(ExemptionKind.EXEMPT, ExemptionReason.OTHER, "x", null),
                List.of(new ExemptionUpload("a.pdf", PDF))))
                .isInstanceOfSatisfying(org.workstudy.shared.BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("exemption.already-recognised"));

        Unit old = fixtures.unit(1);
        jdbc.sql("UPDATE org_class SET cohort = 2015 WHERE id = ?").param(old.classId()).update();
        assertThatThrownBy(() -> exemptions.apply(PlacementFixtures.signedIn(old.student()),
                new ExemptionForm(ExemptionKind.EXEMPT, ExemptionReason.OTHER, "x", null),
                List.of(new ExemptionUpload("a.pdf", PDF))))
                .isInstanceOfSatisfying(org.workstudy.shared.BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("exemption.no-policy"));
    }
}
