package org.workstudy.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.checkin.CheckinFixtures;
import org.workstudy.checkin.CheckinMonth;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.pay.Funding;
import org.workstudy.pay.PaySheets;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.internal.OnsiteFigures;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/** The check-in and pay figures move with what happens: check-ins, make-ups, signals, frozen pay; who sees them. */
@IntegrationTest
class OnsiteFiguresIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    private static final StatsFilter YEAR = new StatsFilter("2025-2026", null, null, null, null);

    @Autowired
    OnsiteFigures onsite;
    @Autowired
    HoursFixtures hours;
    @Autowired
    HoursLedger ledger;
    @Autowired
    CheckinFixtures checkins;
    @Autowired
    PaySheets pay;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @Test
    void checkInsMakeUpsSignalsAndFrozenPayAppearInTheirMonth() throws Exception {
        OnsiteFigures.Onsite before = onsite.year(PlacementFixtures.CENTER, YEAR);

        // two students check in from one phone; one checks out, the other asks for a make-up after the shift
        HoursFixtures.Setup setup = hours.placed(2);
        long shift = checkins.openShift(setup, at("2025-10-25T13:55:00"));
        String device = "bench-device-" + Fixtures.next();
        checkins.scan(setup, shift, setup.students().get(0), at("2025-10-25T14:00:00"), device);
        long second = checkins.scan(setup, shift, setup.students().get(1), at("2025-10-25T14:00:40"), device);
        checkins.scan(setup, shift, setup.students().get(0), at("2025-10-25T17:00:00"), device);
        checkins.closeShift(setup, shift, at("2025-10-25T18:00:00"));
        checkins.requestMakeUp(setup.students().get(1), second, LocalTime.of(17, 30), at("2025-10-26T09:00:00"));

        // October's pay: two counted mornings of the first student, confirmed and frozen
        ledger.record(setup.counselor(), HoursFixtures.work(setup.students().get(0), setup.placementIds().get(0),
                "2025-10-18", "09:00", "13:00"));
        ledger.record(setup.counselor(), HoursFixtures.work(setup.students().get(0), setup.placementIds().get(0),
                "2025-10-19", "09:00", "13:00"));
        long sheet = pay.open(setup.employer(), setup.employerId(), OCTOBER);
        pay.confirm(setup.employer(), sheet);
        pay.approve(PlacementFixtures.CENTER, sheet);

        OnsiteFigures.Onsite after = onsite.year(PlacementFixtures.CENTER, YEAR);
        assertThat(after.months()).hasSize(12).first().extracting(OnsiteFigures.Month::month)
                .isEqualTo(YearMonth.of(2025, 9));
        CheckinMonth was = october(before);
        CheckinMonth now = october(after);
        assertThat(now.checkIns() - was.checkIns()).isEqualTo(2);
        assertThat(now.completed() - was.completed()).isEqualTo(1);
        assertThat(now.makeUps() - was.makeUps()).isEqualTo(1);
        assertThat(now.recordsWritten() + now.refused() - was.recordsWritten() - was.refused()).isEqualTo(1);
        assertThat(now.sharedDevice() - was.sharedDevice()).isEqualTo(2);
        assertThat(now.far() - was.far()).isZero();
        assertThat(after.checkIns() - before.checkIns()).isEqualTo(2);
        if (now.recordsWritten() > was.recordsWritten()) {
            assertThat(now.recordHours().subtract(was.recordHours())).isEqualByComparingTo("3.00");
        }
        assertThat(amount(after.payByMonth(), "2025-10").subtract(amount(before.payByMonth(), "2025-10")))
                .isEqualByComparingTo("144.00");
        assertThat(amount(after.payByFunding(), Funding.SCHOOL_FUND.name())
                .subtract(amount(before.payByFunding(), Funding.SCHOOL_FUND.name()))).isEqualByComparingTo("144.00");
        assertThat(after.payAmount().subtract(before.payAmount())).isEqualByComparingTo("144.00");
        assertThat(after.months()).allSatisfy(m -> {
            if (m.checkinShare() != null) {
                assertThat(m.checkinShare()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            }
        });

        // the page and the API: the center sees them with their definitions; a counselor is refused
        String center = fixtures.account(Grant.school(Role.CENTER_STAFF));
        Cookie session = Logins.login(mvc, center, Fixtures.PASSWORD);
        mvc.perform(get("/stats/onsite").param("academicYear", "2025-2026").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-checkins\"")))
                .andExpect(content().string(containsString("口径：按签到时间")))
                .andExpect(content().string(containsString("/pay?month=2025-10")));
        mvc.perform(get("/api/v1/stats/onsite").param("academicYear", "2025-2026")
                        .with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.months.length()").value(12))
                .andExpect(jsonPath("$.months[1].month").value("2025-10"));
        mvc.perform(get("/api/v1/stats/onsite").param("academicYear", "2025")
                        .with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.field").value("academicYear"));
        assertThatThrownBy(() -> onsite.year(setup.counselor(), YEAR)).isInstanceOf(BusinessException.class);
        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, setup.classId()));
        mvc.perform(get("/api/v1/stats/onsite").with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private static CheckinMonth october(OnsiteFigures.Onsite o) {
        return o.months().stream().filter(m -> m.month().equals(OCTOBER)).findFirst().orElseThrow().checkin();
    }

    private static BigDecimal amount(java.util.List<OnsiteFigures.PaySum> sums, String key) {
        return sums.stream().filter(s -> s.key().equals(key)).map(OnsiteFigures.PaySum::amount).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
