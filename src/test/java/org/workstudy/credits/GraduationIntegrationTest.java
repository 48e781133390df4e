package org.workstudy.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.credits.internal.GraduationCounts;
import org.workstudy.credits.internal.GraduationFilter;
import org.workstudy.credits.internal.GraduationReport;
import org.workstudy.credits.internal.GraduationRow;
import org.workstudy.credits.internal.GraduationStatus;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;

/** The graduation audit, the deferred list and make-up on PostgreSQL, by service, page and API. */
@IntegrationTest
class GraduationIntegrationTest {

    private static final String DEMO_PASSWORD = "Demo1234";

    @Autowired
    GraduationFixtures fixtures;
    @Autowired
    GraduationAudit audit;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    @Test
    void anAuditOfASmallCohortShowsEachStatusWithTheHoursMissing() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(6);
        LocalDate summer2024 = LocalDate.of(2024, 7, 1);
        fixtures.work(c, 0, summer2024, new BigDecimal("360"));
        fixtures.finalExemption(id(c, 1), ExemptionKind.EXEMPT, null);
        fixtures.work(c, 2, summer2024, new BigDecimal("180"));
        fixtures.finalExemption(id(c, 2), ExemptionKind.OFFSET, new BigDecimal("180"));
        fixtures.work(c, 3, summer2024, new BigDecimal("100"));
        fixtures.work(c, 4, summer2024, new BigDecimal("350"));
        LocalDate makeUpDay = fixtures.vacationDays(LocalDate.of(2026, 7, 1), 1).get(0);
        fixtures.deferredOn(id(c, 4), makeUpDay, new BigDecimal("10"));
        fixtures.work(c, 4, makeUpDay, new BigDecimal("4"));
        fixtures.work(c, 5, summer2024, new BigDecimal("300"));
        fixtures.deferredOn(id(c, 5), makeUpDay, new BigDecimal("60"));
        jdbc.sql("INSERT INTO cr_deferral (student_id, cohort, kind, on_date, make_up_hours, deferral_id, by_username,"
                        + " by_name, created_at) SELECT student_id, cohort, 'RELEASED', DATE '2026-08-20', 60, id,"
                        + " 'system', 'system', CURRENT_TIMESTAMP FROM cr_deferral WHERE student_id = ?")
                .param(id(c, 5)).update();

        GraduationReport report = audit.audit(GraduationFixtures.ACADEMIC, GraduationFixtures.COHORT,
                new GraduationFilter(null, null, c.classId()));
        Map<Long, GraduationRow> rows = report.rows().stream()
                .collect(Collectors.toMap(GraduationRow::studentId, r -> r));
        assertThat(rows).hasSize(6);
        assertThat(rows.get(id(c, 0)).status()).isEqualTo(GraduationStatus.COMPLETED);
        assertThat(rows.get(id(c, 0)).inWindowHours()).isEqualByComparingTo("360");
        assertThat(rows.get(id(c, 1)).status()).isEqualTo(GraduationStatus.EXEMPT);
        assertThat(rows.get(id(c, 2)).status()).isEqualTo(GraduationStatus.OFFSET);
        assertThat(rows.get(id(c, 3)).status()).isEqualTo(GraduationStatus.DEFICIENT);
        assertThat(rows.get(id(c, 3)).missingHours()).isEqualByComparingTo("260");
        GraduationRow deferred = rows.get(id(c, 4));
        assertThat(deferred.status()).isEqualTo(GraduationStatus.DEFERRED);
        assertThat(deferred.makeUpHours()).isEqualByComparingTo("4");
        assertThat(deferred.missingHours()).isEqualByComparingTo("6");
        assertThat(deferred.inWindowHours()).isEqualByComparingTo("350");
        assertThat(rows.get(id(c, 5)).status()).isEqualTo(GraduationStatus.MADE_UP);
        assertThat(rows.get(id(c, 5)).releasedOn()).isEqualTo(LocalDate.of(2026, 8, 20));

        GraduationCounts perClass = report.classes().stream().filter(k -> k.id() == c.classId()).findFirst()
                .orElseThrow();
        for (GraduationStatus s : GraduationStatus.values()) {
            assertThat(perClass.count(s)).as(s.name()).isEqualTo(1);
        }
        // the same through the API, filtered by status
        mvc.perform(get("/api/v1/graduation/2023").param("classId", String.valueOf(c.classId()))
                        .param("status", "DEFICIENT").with(httpBasic("jiaowu", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].studentNo").value(c.students().get(3).studentNo()))
                .andExpect(jsonPath("$.rows[0].missingHours").value(260.0));
    }

    @Test
    void deferringWritesTheListAndTellsTheStudentAndOnlyDeficientStudentsCanBeDeferred() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(2);
        fixtures.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("120"));
        fixtures.work(c, 1, LocalDate.of(2024, 7, 1), new BigDecimal("360"));

        mvc.perform(post("/api/v1/graduation/2023/deferrals").with(httpBasic("jiaowu", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"studentIds\":[" + id(c, 1) + "]}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/graduation/2023/deferrals").with(httpBasic("jiaowu", DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"studentIds\":[" + id(c, 0) + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deferred").value(1));

        Map<String, Object> row = jdbc.sql("SELECT kind, on_date, deficit_hours, by_username FROM cr_deferral"
                + " WHERE student_id = ?").param(id(c, 0)).query().singleRow();
        assertThat(row.get("kind")).isEqualTo("DEFERRED");
        assertThat(((java.sql.Date) row.get("on_date")).toLocalDate()).isEqualTo(LocalDate.now(clock));
        assertThat((BigDecimal) row.get("deficit_hours")).isEqualByComparingTo("240");
        assertThat(row.get("by_username")).isEqualTo("jiaowu");
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?")
                .params(c.students().get(0).accountId(), "graduation.notify.deferred").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'deferral' AND action = 'defer'"
                + " AND actor = 'jiaowu'").query(Long.class).single()).isPositive();
        mvc.perform(get("/api/v1/deferrals").param("cohort", "2023").with(httpBasic("jiaowu", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.studentId == " + id(c, 0) + ")].status").value("DEFERRED"));
        // a second deferral of the same student is refused: they are no longer deficient but deferred
        assertThatThrownBy(() -> audit.defer(GraduationFixtures.ACADEMIC, 2023, null, List.of(id(c, 0))))
                .hasMessageContaining("graduation.defer.not-deficient");
    }

    @Test
    void makeUpAfterTheWindowIsAcceptedOnlyForTheDeferredStudentFromTheDeferralDate() {
        GraduationFixtures.Cohort c = fixtures.cohort(2);
        List<LocalDate> summer = fixtures.vacationDays(LocalDate.of(2026, 7, 1), 6);
        assertThat(summer.get(0)).isAfter(fixtures.afterWindow());
        fixtures.deferredOn(id(c, 0), summer.get(3), new BigDecimal("360"));

        assertThatThrownBy(() -> ledger.record(c.counselor(), work(c, 1, summer.get(4))))
                .hasMessageContaining("hours.rule.semester-window");
        assertThatThrownBy(() -> ledger.record(c.counselor(), work(c, 0, summer.get(2))))
                .hasMessageContaining("hours.rule.semester-window");
        ledger.record(c.counselor(), work(c, 0, summer.get(4)));

        assertThat(ledger.totals(List.of(id(c, 0))).get(id(c, 0)).makeUp()).isEqualByComparingTo("5");
        assertThat(ledger.totals(List.of(id(c, 0))).get(id(c, 0)).inWindow()).isEqualByComparingTo("0");
    }

    @Test
    void reachingTheDeficitReleasesTheStudentWithADatedRecord() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(1);
        fixtures.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("350"));
        List<LocalDate> summer = fixtures.vacationDays(LocalDate.of(2026, 7, 1), 3);
        fixtures.deferredOn(id(c, 0), summer.get(0), new BigDecimal("10"));

        ledger.record(c.counselor(), new NewWorkRecord(id(c, 0), SourceKind.PLACEMENT, c.placementIds().get(0),
                summer.get(1), null, null, new BigDecimal("6"), "补修"));
        ledger.record(c.counselor(), new NewWorkRecord(id(c, 0), SourceKind.PLACEMENT, c.placementIds().get(0),
                summer.get(2), null, null, new BigDecimal("4"), "补修"));

        school.awaitEvents(() -> jdbc.sql("SELECT count(*) FROM cr_deferral WHERE student_id = ? AND kind = 'RELEASED'")
                .param(id(c, 0)).query(Long.class).single() == 1);
        Map<String, Object> release = jdbc.sql("SELECT on_date, make_up_hours FROM cr_deferral WHERE student_id = ?"
                + " AND kind = 'RELEASED'").param(id(c, 0)).query().singleRow();
        assertThat(((java.sql.Date) release.get("on_date")).toLocalDate()).isEqualTo(LocalDate.now(clock));
        assertThat((BigDecimal) release.get("make_up_hours")).isEqualByComparingTo("10");
        school.awaitEvents(() -> jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?")
                .params(c.students().get(0).accountId(), "graduation.notify.released").query(Long.class).single() == 1);
        GraduationRow row = audit.audit(GraduationFixtures.ACADEMIC, 2023, new GraduationFilter(null, null,
                c.classId())).rows().get(0);
        assertThat(row.status()).isEqualTo(GraduationStatus.MADE_UP);
        assertThat(new CreditStandingsView(standings).released(id(c, 0))).isTrue();
    }

    @Autowired
    org.workstudy.placements.SelfArrangedWork selfArranged;

    @Test
    void outOfCityMakeUpReleasesTheStudentWhenItsCertificateIsVerified() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(1);
        fixtures.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("350"));
        List<LocalDate> summer = fixtures.vacationDays(LocalDate.of(2026, 7, 1), 2);
        fixtures.deferredOn(id(c, 0), summer.get(0), new BigDecimal("10"));
        long registration = jdbc.sql("INSERT INTO plc_self_work (student_id, employer_name, city, address,"
                        + " contact_person, contact_phone, starts_on, ends_on, expected_hours, content, out_of_city,"
                        + " status, counselor_approved_on, vice_dean_approved_on, certificate_verified, created_at,"
                        + " updated_at) VALUES (?, '某公司', '福州', '某路1号', '王经理', '13800001111', DATE '2026-06-25',"
                        + " DATE '2026-08-31', 10, '补修', TRUE, 'CERTIFICATE_UPLOADED', DATE '2026-06-20',"
                        + " DATE '2026-06-21', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id")
                .param(id(c, 0)).query(Long.class).single();
        // written while the certificate was missing: it does not count yet, so nothing is released
        jdbc.sql("INSERT INTO hrs_entry (student_id, source_kind, source_id, work_date, hours, content, kind,"
                        + " recorded_by, recorded_by_name, recorder_role, recorded_at, needs_confirmation)"
                        + " VALUES (?, 'SELF_ARRANGED', ?, ?, 10, '补修', 'RECORD', 'fdy', '辅导员', 'COUNSELOR',"
                        + " CURRENT_TIMESTAMP, FALSE)")
                .params(id(c, 0), registration, summer.get(1)).update();
        // the earlier hours' events have all been handled: only the verification can release the student now
        school.awaitEvents(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND serialized_event LIKE ?").param("%\"studentId\":" + id(c, 0) + ",%").query(Long.class)
                .single() == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM cr_deferral WHERE student_id = ? AND kind = 'RELEASED'")
                .param(id(c, 0)).query(Long.class).single()).isZero();

        selfArranged.verifyCertificate(c.counselor(), registration, true, null);

        school.awaitEvents(() -> jdbc.sql("SELECT count(*) FROM cr_deferral WHERE student_id = ? AND kind = 'RELEASED'")
                .param(id(c, 0)).query(Long.class).single() == 1);
    }

    @Autowired
    CreditStandings standings;

    /** What the recognition part reads: a released student qualifies with basis MAKE_UP. */
    private record CreditStandingsView(CreditStandings standings) {
        boolean released(long studentId) {
            DeferralStanding d = standings.deferrals(List.of(studentId)).get(studentId);
            return d != null && d.released();
        }
    }

    @Test
    void aViceDeanSeesOnlyTheirCollegeAndAnotherCollegesClassIsNotFound() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(1);
        Cookie viceDean = Logins.login(mvc, "fuyuanzhang01", DEMO_PASSWORD);
        mvc.perform(get("/graduation").param("cohort", "2023").param("class", String.valueOf(c.classId()))
                .cookie(viceDean)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/graduation/2023").param("classId", String.valueOf(c.classId()))
                .with(httpBasic("fuyuanzhang01", DEMO_PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/graduation/2023").with(httpBasic("fuyuanzhang01", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.colleges.length()").value(1))
                .andExpect(jsonPath("$.rows[?(@.collegeId == " + c.collegeId() + ")]").isEmpty());
        mvc.perform(get("/graduation").param("cohort", "2023").cookie(viceDean)).andExpect(status().isOk());
    }

    @Test
    void aStudentOrACounselorCannotDefer() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(1);
        String counselor = school.account(Grant.of(Role.COUNSELOR, c.classId()));
        String student = school.account(Grant.of(Role.STUDENT, id(c, 0)));
        for (String who : List.of(counselor, student)) {
            mvc.perform(post("/api/v1/graduation/2023/deferrals").with(httpBasic(who, Fixtures.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"studentIds\":[" + id(c, 0) + "]}"))
                    .andExpect(status().isForbidden());
        }
        Cookie session = Logins.login(mvc, counselor, Fixtures.PASSWORD);
        mvc.perform(post("/graduation/2023/defer").param("studentId", String.valueOf(id(c, 0))).with(csrf())
                .cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/graduation/2023").with(httpBasic(student, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM cr_deferral WHERE student_id = ?").param(id(c, 0))
                .query(Long.class).single()).isZero();
    }

    @Test
    void theExportOpensWithFastExcelAndHasTheRowsAndTheNumbers() throws Exception {
        GraduationFixtures.Cohort c = fixtures.cohort(2);
        fixtures.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("360"));
        byte[] xlsx = mvc.perform(get("/api/v1/graduation/2023/export").param("classId", String.valueOf(c.classId()))
                        .with(httpBasic("jiaowu", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Map<Integer, String>> students = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0)
                .headRowNumber(0).doReadSync();
        assertThat(students).hasSize(4); // title, header, two students
        assertThat(students.get(1).get(1)).isEqualTo("学号");
        Map<String, Map<Integer, String>> byNo = students.subList(2, 4).stream()
                .collect(Collectors.toMap(r -> r.get(1), r -> r));
        assertThat(byNo.get(c.students().get(0).studentNo()).get(5)).isEqualTo("已完成");
        assertThat(byNo.get(c.students().get(1).studentNo()).get(5)).isEqualTo("未完成");
        assertThat(new BigDecimal(byNo.get(c.students().get(1).studentNo()).get(8))).isEqualByComparingTo("360");
        List<Map<Integer, String>> numbers = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(1)
                .headRowNumber(0).doReadSync();
        String className = byNo.get(c.students().get(0).studentNo()).get(4);
        Map<Integer, String> classRow = numbers.stream().filter(r -> className.equals(r.get(1))).findFirst()
                .orElseThrow();
        assertThat(classRow.get(2)).isEqualTo("2");
        assertThat(classRow.get(3)).isEqualTo("1");
        assertThat(classRow.get(6)).isEqualTo("1");
    }

    private static long id(GraduationFixtures.Cohort c, int i) {
        return c.students().get(i).id();
    }

    private static NewWorkRecord work(GraduationFixtures.Cohort c, int i, LocalDate date) {
        Student s = c.students().get(i);
        return new NewWorkRecord(s.id(), SourceKind.PLACEMENT, c.placementIds().get(i), date, null, null,
                new BigDecimal("5"), "补修");
    }
}
