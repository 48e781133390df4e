package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.SelfArrangedForm;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.hours.internal.LedgerPages;

/** Self-arranged work reaches the ledger: its hours count from the day of the counselor's approval, not before. */
@IntegrationTest
class SelfArrangedHoursIntegrationTest {

    @Autowired
    HoursLedger ledger;

    @Autowired

    LedgerPages pages;
    @Autowired
    SelfArrangedWork selfArranged;
    @Autowired
    PlacementFixtures placements;
    @Autowired
    Fixtures school;
    @Autowired
    Clock clock;

    @Test
    void homeCityWorkCountsFromTheApprovalDayAndNotTheDayBefore() {
        long classId = school.schoolClass(school.college());
        Student s = placements.students(classId, 1).get(0);
        CurrentUser student = PlacementFixtures.signedIn(s);
        CurrentUser counselor = new CurrentUser(0, "fdy-t", "辅导员", Role.COUNSELOR,
                List.of(Grant.of(Role.COUNSELOR, classId)));
        LocalDate today = LocalDate.now(clock);
        long registration = selfArranged.register(student, new SelfArrangedForm("某咖啡店", "厦门", "思明区",
                "王经理", "13800001111", today, today.plusDays(30), new BigDecimal("40"), "店员"));

        // Before the counselor approves, nothing counts.
        NewWorkRecord evening = new NewWorkRecord(s.id(), SourceKind.SELF_ARRANGED, registration, today,
                LocalTime.of(18, 0), LocalTime.of(20, 0), new BigDecimal("2"), "店员");
        assertThatThrownBy(() -> ledger.record(counselor, evening))
                .hasMessageContaining("hours.rule.self-arranged-not-approved");

        selfArranged.decide(counselor, registration, true, null);
        NewWorkRecord yesterday = new NewWorkRecord(s.id(), SourceKind.SELF_ARRANGED, registration,
                today.minusDays(1), LocalTime.of(18, 0), LocalTime.of(20, 0), new BigDecimal("2"), "店员");
        assertThatThrownBy(() -> ledger.record(counselor, yesterday))
                .hasMessageContaining("hours.rule.self-arranged-before-approval");

        // hours count once the work is over: this evening's work can be recorded from 18:01 on
        LocalTime now = LocalTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        org.junit.jupiter.api.Assumptions.assumeTrue(now.isAfter(LocalTime.of(18, 0)), "this evening has not begun");
        LocalTime end = now.isBefore(LocalTime.of(20, 0)) ? now : LocalTime.of(20, 0);
        ledger.record(counselor, new NewWorkRecord(s.id(), SourceKind.SELF_ARRANGED, registration, today,
                LocalTime.of(18, 0), end, null, "店员"));
        assertThat(pages.progress(counselor, s.id()).hours()).isEqualByComparingTo(
                BigDecimal.valueOf(java.time.Duration.between(LocalTime.of(18, 0), end).toMinutes())
                        .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP));
    }
}
