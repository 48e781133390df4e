package org.workstudy.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.workstudy.hours.HoursConfirmed;
import org.workstudy.hours.HoursConfirmedBatch;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.SourceKind;
import org.workstudy.placements.SelfArrangedVerified;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * The event flows that release a deferred student (暂缓毕业), across modules, as Spring Modulith scenarios: placements
 * announces a verified certificate, hours announces the hours that start to count, credits releases. Each scenario
 * waits for the release itself, so it fails when any listener on the way is missing.
 */
@IntegrationTest
@EnableScenarios
class DeferralReleaseScenarioTest {

    /** A bound on the wait under a loaded machine, not a measured duration. */
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Autowired
    GraduationFixtures fixtures;
    @Autowired
    CreditStandings standings;
    @Autowired
    HoursLedger ledger;
    @Autowired
    SelfArrangedWork selfArranged;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aVerifiedOutOfCityCertificateMakesItsHoursCountAndReleasesTheDeferredStudent(Scenario scenario)
            throws Exception {
        Deferred d = deferredWithMissingHours();
        long registration = outOfCityRegistrationAwaitingItsCertificate(d.studentId());
        // written while the certificate was missing: nothing counts yet, so nothing releases the student
        entryWithoutEvent(d.studentId(), SourceKind.SELF_ARRANGED, registration, d.makeUpDay());
        assertThat(ledger.totals(List.of(d.studentId())).get(d.studentId()).makeUp()).isEqualByComparingTo("0");
        assertThat(released(d.studentId())).isFalse();

        scenario.stimulate(() -> selfArranged.verifyCertificate(d.cohort().counselor(), registration, true, null))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> released(d.studentId()), Boolean::booleanValue)
                .andVerifyEvents(events -> assertThat(events.ofType(SelfArrangedVerified.class)
                        .matching(e -> e.registrationId() == registration)).hasSize(1));

        assertThat(ledger.totals(List.of(d.studentId())).get(d.studentId()).makeUp()).isEqualByComparingTo("10");
        DeferralStanding standing = standings.deferrals(List.of(d.studentId())).get(d.studentId());
        assertThat(standing.makeUpHoursAtRelease()).isEqualByComparingTo("10");
    }

    @Test
    void hoursRecordedAtOnceAreAnnouncedAsConfirmed(Scenario scenario) throws Exception {
        Deferred d = deferredWithMissingHours();

        scenario.stimulate(() -> ledger.record(d.cohort().counselor(), new NewWorkRecord(d.studentId(),
                        SourceKind.PLACEMENT, d.cohort().placementIds().get(0), d.makeUpDay(), null, null,
                        new BigDecimal("10"), "补修")))
                .andWaitAtMost(AT_MOST)
                .andWaitForEventOfType(HoursConfirmed.class)
                .matching(e -> e.studentId() == d.studentId())
                .toArriveAndVerify((event, entryId) -> {
                    assertThat(event.entryId()).isEqualTo(entryId);
                    assertThat(event.hours()).isEqualByComparingTo("10");
                });
    }

    @Test
    void hoursConfirmedReleasesTheDeferredStudentWhoseMakeUpIsComplete(Scenario scenario) throws Exception {
        Deferred d = deferredWithMissingHours();
        long entry = entryWithoutEvent(d.studentId(), SourceKind.PLACEMENT, d.cohort().placementIds().get(0),
                d.makeUpDay());
        assertThat(released(d.studentId())).isFalse();

        scenario.publish(new HoursConfirmed(entry, d.studentId(), new BigDecimal("10")))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> released(d.studentId()), Boolean::booleanValue)
                .andVerify(done -> assertThat(standings.deferrals(List.of(d.studentId())).get(d.studentId())
                        .releasedOn()).isNotNull());
    }

    @Test
    void aConfirmedBatchReleasesTheDeferredStudentsAmongItsStudents(Scenario scenario) throws Exception {
        Deferred d = deferredWithMissingHours();
        long entry = entryWithoutEvent(d.studentId(), SourceKind.PLACEMENT, d.cohort().placementIds().get(0),
                d.makeUpDay());
        assertThat(released(d.studentId())).isFalse();

        scenario.publish(new HoursConfirmedBatch(List.of(new HoursConfirmed(entry, d.studentId(),
                        new BigDecimal("10")))))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> released(d.studentId()), Boolean::booleanValue)
                .andVerify(done -> assertThat(released(d.studentId())).isTrue());
    }

    // ------------------------------------------------------------------ fixtures

    private record Deferred(GraduationFixtures.Cohort cohort, long studentId, LocalDate makeUpDay) {
    }

    /**
     * A student of the graduating cohort with 350 of 360 hours, deferred with 10 missing, and a make-up day; the
     * events of the 350 hours handled, so that only the scenario can release the student.
     */
    private Deferred deferredWithMissingHours() throws InterruptedException {
        GraduationFixtures.Cohort c = fixtures.cohort(1);
        long id = c.students().get(0).id();
        fixtures.work(c, 0, LocalDate.of(2024, 7, 1), new BigDecimal("350"));
        List<LocalDate> summer = fixtures.vacationDays(LocalDate.of(2026, 7, 1), 2);
        fixtures.deferredOn(id, summer.get(0), new BigDecimal("10"));
        settle(id);
        return new Deferred(c, id, summer.get(1));
    }

    private long outOfCityRegistrationAwaitingItsCertificate(long studentId) {
        return jdbc.sql("INSERT INTO plc_self_work (student_id, employer_name, city, address,"
                        + " contact_person, contact_phone, starts_on, ends_on, expected_hours, content, out_of_city,"
                        + " status, counselor_approved_on, vice_dean_approved_on, certificate_verified, created_at,"
                        + " updated_at) VALUES (?, '某公司', '福州', '某路1号', '王经理', '13800001111', DATE '2026-06-25',"
                        + " DATE '2026-08-31', 10, '补修', TRUE, 'CERTIFICATE_UPLOADED', DATE '2026-06-20',"
                        + " DATE '2026-06-21', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id")
                .param(studentId).query(Long.class).single();
    }

    /** Ten hours in the ledger, written as a counselor's would be but without announcing them. */
    private long entryWithoutEvent(long studentId, SourceKind kind, long sourceId, LocalDate on) {
        return jdbc.sql("INSERT INTO hrs_entry (student_id, source_kind, source_id, work_date, hours, content, kind,"
                        + " recorded_by, recorded_by_name, recorder_role, recorded_at, needs_confirmation)"
                        + " VALUES (?, ?, ?, ?, 10, '补修', 'RECORD', 'fdy', '辅导员', 'COUNSELOR',"
                        + " CURRENT_TIMESTAMP, FALSE) RETURNING id")
                .params(studentId, kind.name(), sourceId, on).query(Long.class).single();
    }

    /** Every event about the student has been handled. */
    private void settle(long studentId) throws InterruptedException {
        school.awaitEvents(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND serialized_event LIKE ?").param("%\"studentId\":" + studentId + ",%").query(Long.class)
                .single() == 0);
    }

    private boolean released(long studentId) {
        DeferralStanding d = standings.deferrals(List.of(studentId)).get(studentId);
        return d != null && d.released();
    }
}
