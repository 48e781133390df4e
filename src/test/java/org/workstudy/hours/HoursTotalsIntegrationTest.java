package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.positions.internal.PlanPage;
import org.workstudy.support.IntegrationTest;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;

/**
 * The set-based {@link HoursLedger#totals} gives exactly the figures of {@link HoursLedger#progress}, entry by entry
 * evaluated, for ledgers with corrections, voids, rejections, waiting reports, employer records confirmed later and
 * self-arranged work that counts and that does not (out of the home city without the employer's certificate).
 */
@IntegrationTest
class HoursTotalsIntegrationTest {

    @Autowired
    HoursLedger ledger;

    @Autowired

    LedgerPages pages;
    @Autowired
    HoursFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanPage plans;

    @Test
    void theBulkTotalsEqualTheProgressOfEachStudent() {
        HoursFixtures.Setup setup = fixtures.placed(3);
        Student a = setup.students().get(0);
        Student b = setup.students().get(1);
        Student none = setup.students().get(2);
        long pa = setup.placementIds().get(0);
        long pb = setup.placementIds().get(1);

        long corrected = ledger.record(setup.counselor(), HoursFixtures.hours(a, pa, "2026-07-20", "6"));
        ledger.correct(setup.counselor(), corrected, HoursFixtures.hours(a, pa, "2026-07-20", "4"), "少记两小时");
        long voided = ledger.record(setup.counselor(), HoursFixtures.hours(a, pa, "2026-07-21", "5"));
        ledger.voidEntry(setup.counselor(), voided, "重复登记");
        ledger.record(PlacementFixtures.signedIn(a), HoursFixtures.hours(a, pa, "2026-07-22", "3"));
        long rejected = ledger.record(PlacementFixtures.signedIn(a), HoursFixtures.hours(a, pa, "2026-07-23", "2"));
        ledger.reject(setup.employer(), rejected, "当天未到岗");
        long byEmployer = ledger.record(setup.employer(), HoursFixtures.hours(a, pa, "2026-07-24", "6"));
        ledger.confirm(setup.counselor(), byEmployer);
        ledger.record(setup.employer(), HoursFixtures.hours(a, pa, "2026-07-25", "1.5"));
        long outOfCity = selfArranged(a, true);
        long homeCity = selfArranged(a, false);
        entry(a, outOfCity, "2025-10-18", "4");
        entry(a, homeCity, "2025-10-19", "3");
        ledger.record(setup.counselor(), HoursFixtures.work(b, pb, "2025-10-18", "09:00", "12:30"));

        Map<Long, HoursTotals> totals = ledger.totals(List.of(a.id(), b.id(), none.id()));
        for (Student s : List.of(a, b, none)) {
            Progress p = pages.progress(setup.counselor(), s.id());
            HoursTotals t = totals.get(s.id());
            assertThat(t.counted()).as(s.name()).isEqualByComparingTo(p.hours());
            assertThat(t.waiting()).as(s.name()).isEqualByComparingTo(p.waitingHours());
            assertThat(t.inWindow()).as(s.name()).isEqualByComparingTo(p.hours());
            assertThat(t.makeUp()).as(s.name()).isEqualByComparingTo("0");
        }
        // 4 (corrected) + 6 (employer, confirmed) + 3 (home-city self-arranged); waiting 3 (report) + 1.5 (employer)
        assertThat(totals.get(a.id()).counted()).isEqualByComparingTo("13");
        assertThat(totals.get(a.id()).waiting()).isEqualByComparingTo("4.5");
        assertThat(totals.get(b.id()).counted()).isEqualByComparingTo("3.5");
        assertThat(totals.get(none.id())).isEqualTo(HoursTotals.none(none.id()));
    }

    @Test
    void annualPlansShowTheHoursCountedInTheirAcademicYear() {
        HoursFixtures.Setup setup = fixtures.placed(1);
        Student s = setup.student();
        long p = setup.placement();
        ledger.record(setup.counselor(), HoursFixtures.hours(s, p, "2025-10-18", "6"));
        ledger.record(setup.counselor(), HoursFixtures.hours(s, p, "2026-07-20", "4"));
        ledger.record(PlacementFixtures.signedIn(s), HoursFixtures.hours(s, p, "2026-07-21", "3"));
        ledger.record(setup.counselor(), HoursFixtures.hours(s, p, "2026-10-17", "2"));
        long college = jdbc.sql("SELECT college_id FROM org_class WHERE id = ?").param(setup.classId())
                .query(Long.class).single();

        // 2025-2026 runs to 31 August 2026: 6 + 4 counted, the 3-hour report still waits; October 2026 is next year
        assertThat(actualHours(college, "2025-2026")).isEqualByComparingTo("10");
        assertThat(actualHours(college, "2026-2027")).isEqualByComparingTo("2");
        assertThat(plans.rows(PlacementFixtures.CENTER, "2025-2026").stream().filter(r -> r.collegeId() == null)
                .findFirst().orElseThrow().actualHours()).isGreaterThanOrEqualTo(new BigDecimal("10"));
    }

    private BigDecimal actualHours(long college, String year) {
        return plans.rows(PlacementFixtures.CENTER, year).stream().filter(r -> Long.valueOf(college).equals(r.collegeId()))
                .findFirst().orElseThrow().actualHours();
    }

    /** A self-arranged registration approved before the 2025 term: out of the city without its certificate. */
    private long selfArranged(Student s, boolean outOfCity) {
        return jdbc.sql("INSERT INTO plc_self_work (student_id, employer_name, city, address, contact_person,"
                        + " contact_phone, starts_on, ends_on, expected_hours, content, out_of_city, status,"
                        + " counselor_approved_on, vice_dean_approved_on, certificate_verified, created_at, updated_at)"
                        + " VALUES (?, '某公司', ?, '某路1号', '王经理', '13800001111', DATE '2025-09-10', DATE '2026-06-30',"
                        + " 40, '店员', ?, ?, DATE '2025-09-01', ?, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                        + " RETURNING id")
                .params(s.id(), outOfCity ? "福州" : "厦门", outOfCity, outOfCity ? "VICE_DEAN_APPROVED" : "APPROVED",
                        outOfCity ? LocalDate.of(2025, 9, 2) : null)
                .query(Long.class).single();
    }

    /** A counselor's entry for self-arranged work, as LedgerStore writes it (counted at once if the work counts). */
    private void entry(Student s, long source, String date, String hours) {
        jdbc.sql("INSERT INTO hrs_entry (student_id, source_kind, source_id, work_date, hours, content, kind,"
                        + " recorded_by, recorded_by_name, recorder_role, recorded_at, needs_confirmation)"
                        + " VALUES (?, 'SELF_ARRANGED', ?, ?, ?, '店员', 'RECORD', 'fdy', '辅导员', 'COUNSELOR',"
                        + " CURRENT_TIMESTAMP, FALSE)")
                .params(s.id(), source, LocalDate.parse(date), new BigDecimal(hours)).update();
    }
}
