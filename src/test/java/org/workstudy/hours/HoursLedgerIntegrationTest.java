package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.HoursBatchRefused;

/** The ledger on PostgreSQL: recording, confirming, corrections, voids, scope, rules and progress figures. */
@IntegrationTest
class HoursLedgerIntegrationTest {

    @Autowired
    HoursLedger ledger;

    @Autowired

    LedgerPages pages;
    @Autowired
    HoursFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    java.time.Clock clock;

    @Test
    void aStudentsReportCountsOnceTheEmployerConfirmsIt() {
        var x = fixtures.placed(1);
        Student s = x.student();
        long id = ledger.record(PlacementFixtures.signedIn(s), HoursFixtures.work(s, x.placement(), "2025-10-18",
                "09:00", "12:00"));
        assertThat(statusOf(x, id)).isEqualTo(RecordStatus.WAITING_CONFIRMATION);
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("0");
        assertThat(ledger.pendingConfirmations(x.employer())).extracting(WorkRecordView::id).contains(id);
        assertThat(ledger.pendingConfirmations(x.counselor())).extracting(WorkRecordView::id).contains(id);

        ledger.confirm(x.employer(), id);

        WorkRecordView view = view(x, id);
        assertThat(view.status()).isEqualTo(RecordStatus.COUNTED);
        assertThat(view.confirmedBy()).isEqualTo(x.employer().displayName());
        assertThat(view.confirmedByRole()).isEqualTo("EMPLOYER");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("3");
        assertThat(ledger.pendingConfirmations(x.employer())).extracting(WorkRecordView::id).doesNotContain(id);
        assertThatThrownBy(() -> ledger.confirm(x.counselor(), id)).hasMessageContaining("hours.confirm.not-waiting");
        assertThat(auditCount(id)).isEqualTo(2);
    }

    @Test
    void anOvernightShiftIsOneRecordWhoseHoursCountOnEachDateWorked() throws Exception {
        var x = fixtures.placed(1);
        Student s = x.student();
        // Saturday 2026-07-25 20:00 – Sunday 02:00 in the summer vacation: 4 + 2 hours
        long id = ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-25", "20:00", "02:00"));
        WorkRecordView v = view(x, id);
        assertThat(v.hours()).isEqualByComparingTo("6");
        assertThat(v.workDate()).isEqualTo("2026-07-25");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("6");
        // the day cap (10) applies to Sunday's own hours: 2 already, 8 more fit, 9 do not
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-26",
                "08:00", "17:00"))).hasMessageContaining("hours.rule.day-cap");
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-26", "08:00", "16:00"));
        String username = school.account(org.workstudy.identity.Grant.of(org.workstudy.identity.Role.COUNSELOR,
                x.classId()));
        jakarta.servlet.http.Cookie session = org.workstudy.support.Logins.login(mvc, username, Fixtures.PASSWORD);
        String register = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/hours/students/" + s.id() + "/register").cookie(session))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(register).contains("20:00–次日02:00");
    }

    @Test
    void anEmployersRecordCountsOnceTheCounselorConfirmsItAndACounselorsAtOnce() {
        var x = fixtures.placed(1);
        Student s = x.student();
        long byEmployer = ledger.record(x.employer(), HoursFixtures.work(s, x.placement(), "2025-10-18", "09:00",
                "11:00"));
        long byCounselor = ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-19", "09:00",
                "11:00"));
        assertThat(statusOf(x, byEmployer)).isEqualTo(RecordStatus.WAITING_CONFIRMATION);
        assertThat(statusOf(x, byCounselor)).isEqualTo(RecordStatus.COUNTED);
        // the employer cannot confirm its own record
        assertThatThrownBy(() -> ledger.confirm(x.employer(), byEmployer)).hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> ledger.reject(x.counselor(), byEmployer, " "))
                .hasMessageContaining("hours.reason-required");
        ledger.confirm(x.counselor(), byEmployer);
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("4");
    }

    @Test
    void aRejectedReportDoesNotCountAndShowsTheReason() {
        var x = fixtures.placed(1);
        long id = ledger.record(PlacementFixtures.signedIn(x.student()), HoursFixtures.work(x.student(), x.placement(),
                "2025-10-18", "09:00", "12:00"));
        ledger.reject(x.counselor(), id, "当天未到岗");
        WorkRecordView v = view(x, id);
        assertThat(v.status()).isEqualTo(RecordStatus.NOT_COUNTED);
        assertThat(v.statusKey()).isEqualTo("hours.not-counted.rejected");
        assertThat(v.rejectionReason()).isEqualTo("当天未到岗");
        // the rejected hours no longer occupy the time
        ledger.record(x.counselor(), HoursFixtures.work(x.student(), x.placement(), "2025-10-18", "09:00", "12:00"));
    }

    @Test
    void aCorrectionKeepsTheOriginalVisibleAndChangesTheTotals() {
        var x = fixtures.placed(1);
        Student s = x.student();
        long original = ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-20", "08:00", "12:00"));
        assertThatThrownBy(() -> ledger.correct(x.counselor(), original, HoursFixtures.work(s, x.placement(),
                "2026-07-20", "08:00", "10:00"), "")).hasMessageContaining("hours.reason-required");

        long correction = ledger.correct(x.counselor(), original, HoursFixtures.work(s, x.placement(), "2026-07-20",
                "08:00", "10:30"), "登记时多算了时长");

        List<WorkRecordView> register = ledger.ofStudent(x.counselor(), s.id());
        assertThat(register).hasSize(2);
        WorkRecordView was = register.stream().filter(v -> v.id() == original).findFirst().orElseThrow();
        WorkRecordView now = register.stream().filter(v -> v.id() == correction).findFirst().orElseThrow();
        assertThat(was.status()).isEqualTo(RecordStatus.CORRECTED);
        assertThat(was.hours()).isEqualByComparingTo("4");
        assertThat(was.supersededById()).isEqualTo(correction);
        assertThat(now.status()).isEqualTo(RecordStatus.COUNTED);
        assertThat(now.kind()).isEqualTo(EntryKind.CORRECTION);
        assertThat(now.correctsId()).isEqualTo(original);
        assertThat(now.reason()).isEqualTo("登记时多算了时长");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("2.5");
        // only the latest entry of a chain can be amended
        assertThatThrownBy(() -> ledger.voidEntry(x.counselor(), original, "重复"))
                .hasMessageContaining("hours.amend.not-latest");
        // the correction does not collide with the entry it replaces
        ledger.correct(x.counselor(), correction, HoursFixtures.work(s, x.placement(), "2026-07-20", "08:00", "12:00"),
                "核对考勤后恢复");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("4");
    }

    @Test
    void aVoidRemovesTheHours() {
        var x = fixtures.placed(1);
        Student s = x.student();
        long id = ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-21", "08:00", "14:00"));
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("6");
        long voidId = ledger.voidEntry(x.counselor(), id, "学生当天请假");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("0");
        assertThat(statusOf(x, id)).isEqualTo(RecordStatus.VOIDED);
        assertThat(view(x, voidId).kind()).isEqualTo(EntryKind.VOID);
        // the voided time is free again
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-21", "08:00", "14:00"));
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("6");
    }

    @Test
    void anEmployerCannotVoidOrCorrectACounselorsRecordButItsOwn() throws Exception {
        var x = fixtures.placed(1);
        Student s = x.student();
        long byCounselor = ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-23", "08:00",
                "12:00"));
        long byEmployer = ledger.record(x.employer(), HoursFixtures.work(s, x.placement(), "2026-07-24", "08:00",
                "10:00"));
        String employer = school.account(Grant.of(Role.EMPLOYER, x.employerId()));

        mvc.perform(post("/api/v1/work-records/" + byCounselor + "/void").with(httpBasic(employer, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不对\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("辅导员")));
        assertThatThrownBy(() -> ledger.correct(x.employer(), byCounselor,
                HoursFixtures.work(s, x.placement(), "2026-07-23", "08:00", "09:00"), "改"))
                .hasMessageContaining("hours.amend.not-yours");
        Cookie session = Logins.login(mvc, employer, Fixtures.PASSWORD);
        mvc.perform(post("/hours/entries/" + byCounselor + "/void").cookie(session).with(csrf())
                .param("reason", "不对").param("back", "/hours/students/" + s.id()));
        assertThat(statusOf(x, byCounselor)).isEqualTo(RecordStatus.COUNTED);

        // its own record the employer may void; the counselor may void anything in the class
        mvc.perform(post("/api/v1/work-records/" + byEmployer + "/void").with(httpBasic(employer, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"记错了\"}"))
                .andExpect(status().isCreated());
        assertThat(statusOf(x, byEmployer)).isEqualTo(RecordStatus.VOIDED);
        ledger.voidEntry(x.counselor(), byCounselor, "学生请假");
        assertThat(statusOf(x, byCounselor)).isEqualTo(RecordStatus.VOIDED);
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteLedgerEntries() {
        var x = fixtures.placed(1);
        long id = ledger.record(x.counselor(), HoursFixtures.work(x.student(), x.placement(), "2026-07-22", "08:00",
                "10:00"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE hrs_entry SET hours = 9 WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM hrs_entry WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT hours FROM hrs_entry WHERE id = ?").param(id).query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("2");
    }

    @Test
    void workEndingLaterTodayIsRefusedInServicePageAndApi() throws Exception {
        var x = fixtures.placed(1, org.workstudy.positions.TimeKind.values());
        Student s = x.student();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        org.junit.jupiter.api.Assumptions.assumeTrue(now.toLocalTime().isBefore(java.time.LocalTime.of(23, 58)));
        String today = now.toLocalDate().toString();
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), today, "18:00",
                "23:59"))).isInstanceOf(BusinessException.class).hasMessageContaining("hours.rule.not-ended");

        String own = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(own, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                        .content("{\"studentId\":" + s.id() + ",\"sourceKind\":\"PLACEMENT\",\"sourceId\":"
                                + x.placement() + ",\"workDate\":\"" + today + "\",\"startsAt\":\"18:00\","
                                + "\"endsAt\":\"23:59\",\"content\":\"整理\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("还没有做完")));
        Cookie session = Logins.login(mvc, own, Fixtures.PASSWORD);
        mvc.perform(post("/hours/students/" + s.id() + "/records").cookie(session).with(csrf())
                        .param("source", "PLACEMENT:" + x.placement()).param("workDate", today)
                        .param("startsAt", "18:00").param("endsAt", "23:59").param("content", "整理"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorKey", "hours.rule.not-ended"));
        assertThat(entries(s)).isZero();
    }

    @Test
    void aCounselorCannotRecordHoursForAnotherClassesStudentInServicePageOrApi() throws Exception {
        var x = fixtures.placed(1);
        Student s = x.student();
        long otherClass = school.schoolClass(school.college());
        var stranger = HoursFixtures.counselor(otherClass);
        assertThatThrownBy(() -> ledger.record(stranger, HoursFixtures.work(s, x.placement(), "2025-10-18", "09:00",
                "12:00"))).isInstanceOf(BusinessException.class).hasMessageContaining("error.not-found");

        String username = school.account(Grant.of(Role.COUNSELOR, otherClass));
        Cookie session = Logins.login(mvc, username, Fixtures.PASSWORD);
        mvc.perform(post("/hours/students/" + s.id() + "/records").cookie(session).with(csrf())
                        .param("source", "PLACEMENT:" + x.placement()).param("workDate", "2025-10-18")
                        .param("startsAt", "09:00").param("endsAt", "12:00").param("content", "整理"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/hours/students/" + s.id()).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/work-records").with(httpBasic(username, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentId\":" + s.id() + ",\"sourceKind\":\"PLACEMENT\",\"sourceId\":"
                                + x.placement() + ",\"workDate\":\"2025-10-18\",\"startsAt\":\"09:00\","
                                + "\"endsAt\":\"12:00\",\"content\":\"整理\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + s.id() + "/progress").with(httpBasic(username, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(entries(s)).isZero();

        // the class's own counselor may, through the API and the page
        String own = school.account(Grant.of(Role.COUNSELOR, x.classId()));
        mvc.perform(post("/api/v1/work-records").with(httpBasic(own, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentId\":" + s.id() + ",\"sourceKind\":\"PLACEMENT\",\"sourceId\":"
                                + x.placement() + ",\"workDate\":\"2025-10-18\",\"startsAt\":\"09:00\","
                                + "\"endsAt\":\"12:00\",\"content\":\"整理\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/students/" + s.id() + "/progress").with(httpBasic(own, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hours").value(3.0));
        Cookie mine = Logins.login(mvc, own, Fixtures.PASSWORD);
        mvc.perform(get("/hours/students/" + s.id()).cookie(mine)).andExpect(status().isOk());
        mvc.perform(get("/hours/classes/" + x.classId()).cookie(mine)).andExpect(status().isOk());
    }

    @Test
    void anEmployerCannotRecordForAStudentNotPlacedOnTheirPosition() {
        var x = fixtures.placed(1);
        var y = fixtures.placed(1);
        // y's employer, with x's placement (on x's employer's position)
        assertThatThrownBy(() -> ledger.record(y.employer(), HoursFixtures.work(x.student(), x.placement(),
                "2025-10-18", "09:00", "12:00"))).hasMessageContaining("error.not-found");
        // x's employer, with y's student and y's placement
        assertThatThrownBy(() -> ledger.record(x.employer(), HoursFixtures.work(y.student(), y.placement(),
                "2025-10-18", "09:00", "12:00"))).hasMessageContaining("error.not-found");
        // x's employer, x's placement but y's student
        assertThatThrownBy(() -> ledger.record(x.employer(), HoursFixtures.work(y.student(), x.placement(),
                "2025-10-18", "09:00", "12:00"))).hasMessageContaining("error.not-found");
        assertThatThrownBy(() -> ledger.ofStudent(x.employer(), y.student().id())).hasMessageContaining("error.not-found");
        assertThat(entries(x.student()) + entries(y.student())).isZero();
    }

    @Test
    void overlapsAndCapsAreRefusedWithNothingWritten() {
        var x = fixtures.placed(1);
        Student s = x.student();
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-23", "08:00", "12:00"));
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-23",
                "11:00", "13:00"))).hasMessageContaining("hours.rule.overlap");
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-23", "12:00", "18:00"));
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2026-07-23",
                "18:00", "18:30"))).hasMessageContaining("hours.rule.day-cap");
        // term time: eight hours a week
        ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-18", "08:00", "16:00"));
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-19",
                "08:00", "09:00"))).hasMessageContaining("hours.rule.term-week-cap");
        // a make-up Saturday (2025-10-11) is a weekday: daytime work on a weekend position does not count
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.work(s, x.placement(), "2025-10-11",
                "09:00", "11:00"))).hasMessageContaining("hours.rule.weekday-needs-evening-position");
        assertThat(entries(s)).isEqualTo(3);
    }

    @Test
    void aBatchIsRecordedAllOrNothing() {
        var x = fixtures.placed(1);
        Student s = x.student();
        List<NewWorkRecord> batch = List.of(HoursFixtures.work(s, x.placement(), "2026-07-24", "08:00", "12:00"),
                HoursFixtures.work(s, x.placement(), "2026-07-24", "10:00", "11:00"),
                HoursFixtures.work(s, x.placement(), "2026-07-25", "08:00", "12:00"));
        assertThat(ledger.check(x.counselor(), batch)).singleElement()
                .satisfies(p -> assertThat(p.index()).isEqualTo(1))
                .satisfies(p -> assertThat(p.messageKey()).isEqualTo("hours.rule.overlap"));
        assertThatThrownBy(() -> ledger.recordAll(x.counselor(), batch)).isInstanceOf(HoursBatchRefused.class);
        assertThat(entries(s)).isZero();
        assertThat(ledger.recordAll(x.counselor(), List.of(batch.get(0), batch.get(2)))).hasSize(2);
        assertThat(entries(s)).isEqualTo(2);
    }

    @Test
    void progressCompletesAt360HoursNotAt359point9() {
        var x = fixtures.placed(2);
        Student almost = x.students().get(0);
        Student done = x.students().get(1);
        ledger.recordAll(x.counselor(), vacationDays(almost, x.placementIds().get(0), "359.9"));
        ledger.recordAll(x.counselor(), vacationDays(done, x.placementIds().get(1), "360"));

        Progress a = pages.progress(x.counselor(), almost.id());
        assertThat(a.hours()).isEqualByComparingTo("359.9");
        assertThat(a.completed()).isFalse();
        assertThat(a.days()).isEqualByComparingTo("59.9");
        assertThat(a.sharePercent()).isEqualByComparingTo("99.9");
        Progress d = pages.progress(x.counselor(), done.id());
        assertThat(d.completed()).isTrue();
        assertThat(d.days().toPlainString()).isEqualTo("60.0");
        assertThat(d.sharePercent()).isEqualByComparingTo("100");
        assertThat(d.remainingHours()).isEqualByComparingTo("0");
        assertThat(d.byMonth()).anySatisfy(m -> assertThat(m.month()).hasToString("2026-08"));
        assertThat(d.currentSemester()).isEqualTo(3);
        assertThat(d.semestersLeft()).isEqualTo(3);

        List<ClassProgressRow> rows = ledger.classProgress(x.counselor(), x.classId());
        assertThat(rows).hasSize(2);
        assertThat(rows).filteredOn(r -> r.studentId() == done.id()).singleElement()
                .satisfies(r -> assertThat(r.completed()).isTrue()).satisfies(r -> assertThat(r.behind()).isFalse());
        assertThat(rows).filteredOn(r -> r.studentId() == almost.id()).singleElement()
                .satisfies(r -> assertThat(r.behind()).isFalse());
    }

    /** Ten-hour days of the summer vacation 2026 that add up to {@code total}. */
    private static List<NewWorkRecord> vacationDays(Student s, long placement, String total) {
        List<NewWorkRecord> out = new ArrayList<>();
        java.math.BigDecimal left = new java.math.BigDecimal(total);
        LocalDate day = LocalDate.of(2026, 7, 20);
        while (left.signum() > 0) {
            java.math.BigDecimal h = left.min(java.math.BigDecimal.TEN);
            out.add(HoursFixtures.hours(s, placement, day.toString(), h.toPlainString()));
            left = left.subtract(h);
            day = day.plusDays(1);
        }
        return out;
    }

    private WorkRecordView view(HoursFixtures.Setup x, long id) {
        return ledger.ofStudent(x.counselor(), jdbc.sql("SELECT student_id FROM hrs_entry WHERE id = ?").param(id)
                .query(Long.class).single()).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    private RecordStatus statusOf(HoursFixtures.Setup x, long id) {
        return view(x, id).status();
    }

    private long entries(Student s) {
        return jdbc.sql("SELECT count(*) FROM hrs_entry WHERE student_id = ?").param(s.id()).query(Long.class).single();
    }

    private long auditCount(long entryId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'work-record' AND entity_id = ?")
                .param(String.valueOf(entryId)).query(Long.class).single();
    }
}
