package org.workstudy.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.recognition.RecognitionFixtures.College;
import org.workstudy.recognition.RecognitionFixtures.Person;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.Role;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.recognition.internal.RecognitionCandidate;
import org.workstudy.recognition.internal.RecognitionDetail;
import org.workstudy.recognition.internal.RecognitionItemView;
import org.workstudy.recognition.internal.RecognitionProposal;
import org.workstudy.recognition.internal.RecognitionStatus;
import org.workstudy.recognition.internal.RecognitionView;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;
import org.workstudy.credits.CreditRecord;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.GraduationFixtures;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.notices.NoticeFixtures;
import org.workstudy.notices.internal.NoticePages;

/** Credit recognition on PostgreSQL: the proposal at its edges, the joint approval, returns, scope. */
@IntegrationTest
class RecognitionIntegrationTest {

    static final int COHORT = RecognitionFixtures.COHORT;

    @Autowired
    Recognitions recognitions;
    @Autowired
    RecognitionFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    NoticeBoard board;
    @Autowired
    NoticePages pages;
    @Autowired
    NoticeFixtures notices;
    @Autowired
    CreditStandings standings;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    GraduationFixtures graduation;
    @Autowired
    HoursLedger ledger;

    @Test
    void theProposalQualifiesExactlyTheRequiredHoursAndShowsWhatOthersMiss() {
        College c = fixtures.college(6);
        fixtures.work(c, 0, "360");
        fixtures.work(c, 1, "359.9");
        fixtures.finalExemption(c.student(2).id(), ExemptionKind.EXEMPT, null);
        fixtures.work(c, 3, "180");
        fixtures.finalExemption(c.student(3).id(), ExemptionKind.OFFSET, "180");
        fixtures.work(c, 4, "100");
        fixtures.finalExemption(c.student(4).id(), ExemptionKind.OFFSET, "180");

        RecognitionProposal p = recognitions.proposal(c.viceDean().user(), c.collegeId(), COHORT);

        assertThat(p.requiredHours()).isEqualByComparingTo("360");
        assertThat(p.candidates()).hasSize(6);
        assertThat(basis(p, c.student(0).id())).isEqualTo(RecognitionBasis.HOURS);
        assertThat(basis(p, c.student(2).id())).isEqualTo(RecognitionBasis.EXEMPT);
        assertThat(basis(p, c.student(3).id())).isEqualTo(RecognitionBasis.OFFSET);
        assertThat(p.qualifying()).hasSize(3);
        RecognitionCandidate almost = candidate(p, c.student(1).id());
        assertThat(almost.qualifies()).isFalse();
        assertThat(almost.missing()).isEqualByComparingTo("0.1");
        assertThat(candidate(p, c.student(4).id()).missing()).isEqualByComparingTo("80");
        assertThat(candidate(p, c.student(5).id()).missing()).isEqualByComparingTo("360");
    }

    @Test
    void oneApprovalIsNotEnoughAndAReturnMakesTheEarlierApprovalCountForNothing() {
        College c = fixtures.college(2);
        fixtures.work(c, 0, "360");
        assertThat(recognitions.hasQualifying(c.viceDean().user(), c.collegeId(), COHORT)).isTrue();

        long first = recognitions.submit(c.viceDean().user(), c.collegeId(), COHORT);
        RecognitionDetail d = recognitions.get(c.academic().user(), first);
        assertThat(d.recognition().status()).isEqualTo(RecognitionStatus.SUBMITTED);
        assertThat(d.items()).extracting(RecognitionItemView::studentId).containsExactly(c.student(0).id());
        assertThat(d.items().get(0).basis()).isEqualTo(RecognitionBasis.HOURS);
        assertThat(d.mayDecide()).isTrue();
        // on a live list: off the next proposal, and a second submission has nothing to submit
        assertThat(recognitions.proposal(c.viceDean().user(), c.collegeId(), COHORT).qualifying()).isEmpty();
        assertThat(recognitions.hasQualifying(c.viceDean().user(), c.collegeId(), COHORT)).isFalse();
        assertThatThrownBy(() -> recognitions.submit(c.viceDean().user(), c.collegeId(), COHORT))
                .hasMessageContaining("recognition.nothing-to-submit");
        assertThat(recognitions.waitingFor(c.academic().user())).extracting(RecognitionView::id).contains(first);

        recognitions.decide(c.academic().user(), first, true, null);
        RecognitionView afterOne = recognitions.get(c.viceDean().user(), first).recognition();
        assertThat(afterOne.status()).isEqualTo(RecognitionStatus.SUBMITTED);
        assertThat(afterOne.approvedBy()).containsExactly(Role.ACADEMIC_AFFAIRS);
        assertThat(recognitions.waitingFor(c.academic().user())).extracting(RecognitionView::id).doesNotContain(first);
        assertThat(recognitions.get(c.academic().user(), first).mayDecide()).isFalse();
        assertThat(recognitions.get(c.director().user(), first).mayDecide()).isTrue();
        assertThat(recognitions.waitingFor(c.director().user())).extracting(RecognitionView::id).contains(first);

        assertThatThrownBy(() -> recognitions.decide(c.director().user(), first, false, " "))
                .hasMessageContaining("approvals.reason-required");
        recognitions.decide(c.director().user(), first, false, "名单中学生学时需复核");
        RecognitionView returned = recognitions.get(c.viceDean().user(), first).recognition();
        assertThat(returned.status()).isEqualTo(RecognitionStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("名单中学生学时需复核");
        assertThat(notifications(c.viceDean(), "recognition.notify.returned")).isEqualTo(1);
        assertThatThrownBy(() -> recognitions.decide(c.academic().user(), first, true, null))
                .hasMessageContaining("recognition.not-waiting");

        // the vice dean submits a new list: the earlier approval of academic affairs does not count for it
        long second = recognitions.submit(c.viceDean().user(), c.collegeId(), COHORT);
        assertThat(second).isNotEqualTo(first);
        RecognitionView again = recognitions.get(c.viceDean().user(), second).recognition();
        assertThat(again.status()).isEqualTo(RecognitionStatus.SUBMITTED);
        assertThat(again.approvedBy()).isEmpty();
        assertThat(recognitions.waitingFor(c.academic().user())).extracting(RecognitionView::id).contains(second);
        recognitions.decide(c.director().user(), second, true, "同意");
        assertThat(recognitions.get(c.viceDean().user(), second).recognition().status())
                .isEqualTo(RecognitionStatus.SUBMITTED);
        assertThat(recognitions.list(c.viceDean().user(), c.collegeId(), COHORT)).extracting(RecognitionView::id)
                .containsExactly(second, first);
    }

    @Test
    void onlyTheCollegesViceDeanSubmitsByPageAndApi() throws Exception {
        College c = fixtures.college(1);
        fixtures.work(c, 0, "360");
        College other = fixtures.college(1);
        Person counselor = fixtures.person(Role.COUNSELOR, c.setup().classId());
        Person collegeAdmin = fixtures.person(Role.COLLEGE_ADMIN, c.collegeId());
        String proposal = "/recognitions?collegeId=" + c.collegeId() + "&cohort=" + COHORT;
        String json = "{\"collegeId\":" + c.collegeId() + ",\"cohort\":" + COHORT + "}";

        // another college's vice dean: not found, by page and API, for the proposal and the submission
        Cookie otherDean = login(other.viceDean());
        mvc.perform(get(proposal).cookie(otherDean)).andExpect(status().isNotFound());
        mvc.perform(post("/recognitions").cookie(otherDean).with(csrf()).param("collegeId", "" + c.collegeId())
                .param("cohort", "" + COHORT)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recognitions/proposal").param("collegeId", "" + c.collegeId())
                .param("cohort", "" + COHORT).with(basic(other.viceDean()))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/recognitions").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(basic(other.viceDean()))).andExpect(status().isNotFound());
        // a counselor and the college admin may not submit
        mvc.perform(post("/recognitions").cookie(login(counselor)).with(csrf()).param("collegeId", "" + c.collegeId())
                .param("cohort", "" + COHORT)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/recognitions").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(basic(counselor))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/recognitions").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(basic(collegeAdmin))).andExpect(status().isForbidden());
        mvc.perform(get(proposal).cookie(login(counselor))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM cr_recognition WHERE college_id = ?").param(c.collegeId())
                .query(Long.class).single()).isZero();

        // the college admin sees the proposal; the vice dean sees and submits it
        String adminPage = mvc.perform(get(proposal).cookie(login(collegeAdmin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(adminPage).contains(c.student(0).studentNo()).doesNotContain("id=\"submit-list\"");
        Cookie dean = login(c.viceDean());
        String page = mvc.perform(get(proposal).cookie(dean)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("符合条件（1 人）", c.student(0).studentNo(), "id=\"submit-list\"");
        String location = mvc.perform(post("/recognitions").cookie(dean).with(csrf())
                        .param("collegeId", "" + c.collegeId()).param("cohort", "" + COHORT))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/recognitions/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).cookie(dean)).andExpect(status().isOk());
        mvc.perform(get(location).cookie(otherDean)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recognitions/" + id).with(basic(other.viceDean()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/recognitions/" + id).with(basic(c.academic())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recognition.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.items.length()").value(1));
        // the vice dean cannot decide on the list, the offices can (by API too)
        mvc.perform(post("/api/v1/recognitions/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\":true}").with(basic(c.viceDean()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/recognitions/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true}").with(basic(c.academic())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recognition.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.recognition.approvedBy[0]").value("ACADEMIC_AFFAIRS"));
        // the API submission of the college's vice dean, with nothing left to submit: a problem, nothing written
        mvc.perform(post("/api/v1/recognitions").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(basic(c.viceDean()))).andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.sql("SELECT count(*) FROM cr_recognition WHERE college_id = ?").param(c.collegeId())
                .query(Long.class).single()).isEqualTo(1);
    }


    @Test
    void bothApprovalsPublishTheNoticeAndItsFinalityWritesTheRecords() {
        College c = fixtures.college(4);
        fixtures.work(c, 0, "360");
        fixtures.finalExemption(c.student(1).id(), ExemptionKind.EXEMPT, null);
        fixtures.work(c, 2, "365.5");
        fixtures.work(c, 3, "180");
        fixtures.finalExemption(c.student(3).id(), ExemptionKind.OFFSET, "180");
        long id = recognitions.submit(c.viceDean().user(), c.collegeId(), COHORT);
        recognitions.decide(c.director().user(), id, true, null);
        assertThat(jdbc.sql("SELECT count(*) FROM cr_notice WHERE subject_id = ? AND kind = 'RECOGNITION'").param(id)
                .query(Long.class).single()).isZero();
        recognitions.decide(c.academic().user(), id, true, "同意认定");

        RecognitionView inNotice = recognitions.get(c.viceDean().user(), id).recognition();
        assertThat(inNotice.status()).isEqualTo(RecognitionStatus.IN_NOTICE);
        assertThat(inNotice.approvedBy()).containsExactlyInAnyOrder(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR);
        assertThat(notifications(c.viceDean(), "recognition.notify.approved")).isEqualTo(1);
        long noticeId = inNotice.noticeId();
        var notice = jdbc.sql("SELECT college_id, cohort, working_days, ends_on, starts_on FROM cr_notice WHERE id = ?")
                .param(noticeId).query((rs, n) -> List.of(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).single();
        assertThat(notice.subList(0, 3)).containsExactly(c.collegeId(), COHORT, 5);
        Map<Long, String> details = new HashMap<>();
        Map<Long, Long> itemIds = new HashMap<>();
        jdbc.sql("SELECT id, student_id, subject_id, detail FROM cr_notice_item WHERE notice_id = ?").param(noticeId)
                .query(rs -> {
                    assertThat(rs.getLong(3)).isEqualTo(id);
                    details.put(rs.getLong(2), rs.getString(4));
                    itemIds.put(rs.getLong(2), rs.getLong(1));
                });
        assertThat(details).containsEntry(c.student(0).id(), "360 学时").containsEntry(c.student(1).id(), "免修")
                .containsEntry(c.student(2).id(), "365.5 学时");

        // an objection to the third student's line is upheld: they are off the list, and told
        LocalDate endsOn = (LocalDate) notice.get(3);
        long objection = notices.object(PlacementFixtures.signedIn(c.student(0)), noticeId,
                itemIds.get(c.student(2).id()), "该生部分工时为代签", (LocalDate) notice.get(4));
        pages.answer(c.director().user(), objection, true, "经核查属实，撤出名单", null);
        assertThat(recognitions.get(c.academic().user(), id).items()).filteredOn(RecognitionItemView::withdrawn)
                .extracting(RecognitionItemView::studentId).containsExactly(c.student(2).id());
        assertThat(notifications(c.student(2).accountId(), "recognition.notify.withdrawn")).isEqualTo(1);

        board.finalizeDue(endsOn);
        assertThat(recognitions.get(c.viceDean().user(), id).recognition().status())
                .isEqualTo(RecognitionStatus.IN_NOTICE);
        board.finalizeDue(endsOn.plusDays(1));

        RecognitionView done = recognitions.get(c.viceDean().user(), id).recognition();
        assertThat(done.status()).isEqualTo(RecognitionStatus.FINAL);
        assertThat(done.finalOn()).isEqualTo(endsOn.plusDays(1));
        Map<Long, CreditRecord> records = standings.records(List.of(c.student(0).id(), c.student(1).id(),
                c.student(2).id(), c.student(3).id()));
        assertThat(records).containsOnlyKeys(c.student(0).id(), c.student(1).id(), c.student(3).id());
        String term = calendar.snapshot().periodTermOf(endsOn.plusDays(1)).orElseThrow().code().toString();
        CreditRecord hours = records.get(c.student(0).id());
        assertThat(hours.recognitionId()).isEqualTo(id);
        assertThat(hours.courseName()).isEqualTo("勤工助学");
        assertThat(hours.credits()).isEqualByComparingTo("2");
        assertThat(hours.termCode()).isEqualTo(term);
        assertThat(hours.recognisedOn()).isEqualTo(endsOn.plusDays(1));
        assertThat(hours.basis()).isEqualTo(RecognitionBasis.HOURS);
        assertThat(hours.hours()).isEqualByComparingTo("360");
        assertThat(hours.verificationCode()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
        CreditRecord exempt = records.get(c.student(1).id());
        assertThat(exempt.basis()).isEqualTo(RecognitionBasis.EXEMPT);
        assertThat(exempt.verificationCode()).isNotEqualTo(hours.verificationCode());
        assertThat(exempt.offsetHours()).isNull();
        // an offset's record carries the hours the quality credits covered (what its certificate prints)
        CreditRecord offset = records.get(c.student(3).id());
        assertThat(offset.basis()).isEqualTo(RecognitionBasis.OFFSET);
        assertThat(offset.offsetHours()).isEqualByComparingTo("180");
        assertThat(hours.offsetHours()).isNull();
        assertThat(standings.byVerificationCode(hours.verificationCode())).map(CreditRecord::studentId)
                .contains(c.student(0).id());
        assertThat(notifications(c.student(0).accountId(), "recognition.notify.final")).isEqualTo(1);
        // finality again changes nothing; the withdrawn student is proposed again, the recognised ones are not
        board.finalizeDue(endsOn.plusDays(2));
        assertThat(standings.records(List.of(c.student(0).id())).get(c.student(0).id()).verificationCode())
                .isEqualTo(hours.verificationCode());
        assertThat(recognitions.proposal(c.viceDean().user(), c.collegeId(), COHORT).candidates())
                .extracting(RecognitionCandidate::studentId).containsExactly(c.student(2).id());
    }


    @Test
    void aStudentReleasedFromDeferredGraduationQualifiesOnMakeUp() throws Exception {
        GraduationFixtures.Cohort c = graduation.cohort(2);
        long released = c.students().get(0).id();
        graduation.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("350"));
        graduation.work(c, 1, LocalDate.of(2024, 7, 1), new BigDecimal("350"));
        List<LocalDate> summer = graduation.vacationDays(LocalDate.of(2026, 7, 1), 2);
        graduation.deferredOn(released, summer.get(0), new BigDecimal("10"));
        ledger.record(c.counselor(), new NewWorkRecord(released, SourceKind.PLACEMENT, c.placementIds().get(0),
                summer.get(1), null, null, new BigDecimal("10"), "补修"));
        school.awaitEvents(() -> jdbc.sql("SELECT count(*) FROM cr_deferral WHERE student_id = ? AND kind = 'RELEASED'")
                .param(released).query(Long.class).single() == 1);

        Person dean = fixtures.person(Role.VICE_DEAN, c.collegeId());
        RecognitionProposal p = recognitions.proposal(dean.user(), c.collegeId(), GraduationFixtures.COHORT);
        RecognitionCandidate madeUp = candidate(p, released);
        assertThat(madeUp.basis()).isEqualTo(RecognitionBasis.MAKE_UP);
        assertThat(madeUp.counted()).isEqualByComparingTo("360");
        RecognitionCandidate deficient = candidate(p, c.students().get(1).id());
        assertThat(deficient.qualifies()).isFalse();
        assertThat(deficient.missing()).isEqualByComparingTo("10");
    }

    private long notifications(Person p, String key) {
        return notifications(p.user().accountId(), key);
    }

    private long notifications(long accountId, String key) {
        return jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?")
                .params(accountId, key).query(Long.class).single();
    }

    private Cookie login(Person p) throws Exception {
        return Logins.login(mvc, p.username(), Fixtures.PASSWORD);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(Person p) {
        return httpBasic(p.username(), Fixtures.PASSWORD);
    }

    private static RecognitionCandidate candidate(RecognitionProposal p, long studentId) {
        return p.candidates().stream().filter(x -> x.studentId() == studentId).findFirst().orElseThrow();
    }

    private static RecognitionBasis basis(RecognitionProposal p, long studentId) {
        return candidate(p, studentId).basis();
    }
}
