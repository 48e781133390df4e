package org.workstudy.exemptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.exemptions.ExemptionFixtures.Unit;
import org.workstudy.exemptions.internal.ExemptionEvent;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.notices.NoticeFixtures;
import org.workstudy.notices.internal.NoticePages;

/**
 * Granted exemptions and offsets through the public notice on PostgreSQL: published per college with a public detail
 * only, final when the period has passed (and then a standing the audit reads), revoked by an upheld objection.
 */
@IntegrationTest
class ExemptionNoticeIntegrationTest {

    static final byte[] PDF = "%PDF-1.4 证明".getBytes();
    static final CurrentUser DIRECTOR = new CurrentUser(0, "director-test", "主任", Role.CENTER_DIRECTOR,
            List.of(Grant.school(Role.CENTER_DIRECTOR)));

    @Autowired
    ExemptionFixtures fixtures;
    @Autowired
    Exemptions exemptions;
    @Autowired
    ExemptionPages exemptionPages;
    @Autowired
    NoticeBoard board;
    @Autowired
    NoticePages pages;
    @Autowired
    NoticeFixtures notices;
    @Autowired
    CreditStandings standings;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    static CurrentUser counselor(long classId) {
        return new CurrentUser(0, "counselor-" + classId, "辅导员", Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classId)));
    }

    /** An application of the student granted by counselor and director. */
    long granted(Unit u, Student s, ExemptionKind kind, String credits) {
        long id = exemptions.apply(PlacementFixtures.signedIn(s), new ExemptionForm(kind, ExemptionReason.HARDSHIP,
                "父亲重病住院，家庭经济困难", credits == null ? null : new java.math.BigDecimal(credits)),
                List.of(new ExemptionUpload("证明.pdf", PDF)));
        exemptions.decide(counselor(u.classId()), id, true, null);
        exemptions.decide(DIRECTOR, id, true, null);
        return id;
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("SELECT status, notice_id, final_on FROM cr_exemption WHERE id = ?").param(id).query()
                .singleRow();
    }

    @Test
    void publishedPerCollegeWithoutTheReasonThenFinalWhenThePeriodHasPassed() throws Exception {
        Unit u = fixtures.unit(2);
        Unit other = fixtures.unit(1);
        Student a = u.students().get(0);
        Student b = u.students().get(1);
        fixtures.credits(b, "1");
        long exempt = granted(u, a, ExemptionKind.EXEMPT, null);
        long offset = granted(u, b, ExemptionKind.OFFSET, "1");
        long elsewhere = granted(other, other.student(), ExemptionKind.EXEMPT, null);
        String director = fixtures.director();

        String body = mvc.perform(post("/api/v1/exemptions/publish").with(httpBasic(director, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\":[" + exempt + "," + offset + "," + elsewhere + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.noticeIds.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        long notice = ((Number) row(exempt).get("notice_id")).longValue();
        assertThat(body).contains(String.valueOf(notice));
        assertThat(row(offset).get("notice_id")).isEqualTo(notice);
        assertThat(row(elsewhere).get("notice_id")).as("another college, another notice").isNotEqualTo(notice);
        assertThat(row(exempt).get("status")).isEqualTo("IN_NOTICE");
        Map<String, Object> n = jdbc.sql("SELECT college_id, cohort, working_days, kind, ends_on FROM cr_notice"
                + " WHERE id = ?").param(notice).query().singleRow();
        assertThat(((Number) n.get("college_id")).longValue()).isEqualTo(u.collegeId());
        assertThat(n.get("cohort")).isNull();
        assertThat(n.get("working_days")).isEqualTo(5);
        assertThat(n.get("kind")).isEqualTo("EXEMPTION");
        assertThat(jdbc.sql("SELECT detail FROM cr_notice_item WHERE notice_id = ? ORDER BY subject_id").param(notice)
                .query(String.class).list()).containsExactly("免修", "抵扣 180 学时");

        // the student's application links to it; the notice shows neither the reason nor the evidence
        Cookie student = fixtures.studentSession(mvc, a);
        assertThat(mvc.perform(get("/exemptions/" + exempt).cookie(student)).andReturn().getResponse()
                .getContentAsString()).contains("/notices/" + notice);
        String page = mvc.perform(get("/notices/" + notice).cookie(student)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(a.name()).contains(b.name()).contains("抵扣 180 学时")
                .doesNotContain("父亲重病住院").doesNotContain("证明.pdf");

        LocalDate endsOn = ((java.sql.Date) n.get("ends_on")).toLocalDate();
        board.finalizeDue(endsOn); // other notices (the demo school's) may be due that day: ask this one
        assertThat(board.find(notice).orElseThrow().finalOn()).as("not before the period has passed").isNull();
        assertThat(row(exempt).get("status")).isEqualTo("IN_NOTICE");
        board.finalizeDue(endsOn.plusDays(1));
        assertThat(row(exempt).get("status")).isEqualTo("FINAL");
        assertThat(row(offset).get("status")).isEqualTo("FINAL");
        assertThat(((java.sql.Date) row(exempt).get("final_on")).toLocalDate()).isEqualTo(endsOn.plusDays(1));
        Map<Long, ExemptionStanding> final_ = standings.exemptions(List.of(a.id(), b.id()));
        assertThat(final_.get(a.id()).kind()).isEqualTo(ExemptionKind.EXEMPT);
        assertThat(final_.get(b.id()).offsetHours()).isEqualByComparingTo("180");
        assertThat(exemptionPages.history(PlacementFixtures.signedIn(a), exempt)).extracting(ExemptionEvent::action)
                .containsExactly("submitted", "counselor-approved", "granted", "published", "final");
        // in effect: no second application
        assertThat(exemptionPages.outlook(PlacementFixtures.signedIn(a)).blockedKey()).isEqualTo("exemption.already-final");
    }

    @Test
    void anUpheldObjectionRevokesTheApplicationAndTellsTheStudent() throws Exception {
        Unit u = fixtures.unit(2);
        Student s = u.students().get(0);
        Student objector = u.students().get(1);
        long id = granted(u, s, ExemptionKind.EXEMPT, null);
        long notice = exemptions.publish(DIRECTOR, List.of(id)).get(0);
        Map<String, Object> n = jdbc.sql("SELECT starts_on, ends_on FROM cr_notice WHERE id = ?").param(notice)
                .query().singleRow();
        LocalDate startsOn = ((java.sql.Date) n.get("starts_on")).toLocalDate();
        long item = jdbc.sql("SELECT id FROM cr_notice_item WHERE notice_id = ? AND subject_id = ?")
                .params(notice, id).query(Long.class).single();
        long before = notifications.unreadCount(s.accountId());

        long objection = notices.object(PlacementFixtures.signedIn(objector), notice, item, "该生寒假在校外兼职", startsOn);
        pages.answer(DIRECTOR, objection, true, "经核实情况属实，撤销免修", null);
        assertThat(row(id).get("status")).isEqualTo("REVOKED");
        assertThat(notifications.unreadCount(s.accountId())).isGreaterThan(before);
        assertThat(notifications.list(s.accountId(), 0, 5).items()).anySatisfy(m -> {
            assertThat(m.messageKey()).isEqualTo("exemption.notify.revoked");
            assertThat(m.args()).contains("经核实情况属实，撤销免修");
        });
        LocalDate endsOn = ((java.sql.Date) n.get("ends_on")).toLocalDate();
        board.finalizeDue(endsOn.plusDays(1));
        assertThat(row(id).get("status")).as("a revoked one stays revoked").isEqualTo("REVOKED");
        assertThat(standings.exemptions(List.of(s.id()))).isEmpty();
        // revoked is not live: the student may apply again
        assertThat(exemptionPages.outlook(PlacementFixtures.signedIn(s)).mayApply()).isTrue();
    }
}
