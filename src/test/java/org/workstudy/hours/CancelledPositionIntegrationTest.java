package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.hours.internal.LedgerPages;

/** A cancelled position (取消) ends its placements on that day; hours dated after it are refused with the reason. */
@IntegrationTest
class CancelledPositionIntegrationTest {

    @Autowired
    HoursFixtures hoursFixtures;
    @Autowired
    HoursLedger ledger;
    @Autowired
    LedgerPages pages;
    @Autowired
    Placements placements;
    @Autowired
    PositionWorkflow workflow;
    @Autowired
    Accounts accounts;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void cancellingAPositionEndsEveryPlacementTodayAndTellsTheStudentsAndTheirCounselor() throws Exception {
        var x = hoursFixtures.placed(2);
        long counselor = accounts.findByUsername(school.account(Grant.of(Role.COUNSELOR, x.classId()))).orElseThrow()
                .id();
        workflow.step(PlacementFixtures.CENTER, x.positionId(), PositionAction.CANCEL, "用人单位停业整顿");

        school.awaitEvents(() -> x.students().stream().allMatch(s -> placementOf(s, x.positionId()).endedAt() != null));
        for (Student s : x.students()) {
            PlacementView p = placementOf(s, x.positionId());
            assertThat(p.endedOn()).isEqualTo(LocalDate.now(clock));
            assertThat(p.cancellationReason()).isEqualTo("用人单位停业整顿");
            assertThat(messages(s.accountId(), "placements.notify.position-cancelled")).isEqualTo(1);
        }
        assertThat(messages(counselor, "placements.notify.position-cancelled-counselor")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'placement' AND action = 'end'"
                        + " AND entity_id IN (?, ?)")
                .params(String.valueOf(x.placementIds().get(0)), String.valueOf(x.placementIds().get(1)))
                .query(Long.class).single()).isEqualTo(2);
        // ending again (a redelivered event) changes nothing and tells nobody twice
        assertThat(placements.endAllOfCancelled(x.positionId(), "再次", clock.instant())).isZero();
        assertThat(placementOf(x.student(), x.positionId()).cancellationReason()).isEqualTo("用人单位停业整顿");
    }

    @Test
    void hoursOnTheCancellationDayCountAndHoursAfterItAreRefusedWithTheReason() {
        var x = hoursFixtures.placed(1);
        Student s = x.student();
        // the ending the cancellation listener runs, on a day in the past (the summer vacation of 2026)
        placements.endAllOfCancelled(x.positionId(), "活动取消",
                LocalDate.of(2026, 7, 25).atTime(10, 0).atZone(clock.getZone()).toInstant());

        ledger.record(x.counselor(), HoursFixtures.hours(s, x.placement(), "2026-07-25", "4"));
        assertThatThrownBy(() -> ledger.record(x.counselor(), HoursFixtures.hours(s, x.placement(), "2026-07-26",
                "4"))).hasMessageContaining("hours.rule.placement-ended-because").hasMessageContaining("活动取消")
                .hasMessageContaining("2026-07-25");
        assertThat(pages.progress(x.counselor(), s.id()).hours()).isEqualByComparingTo("4");
    }

    private PlacementView placementOf(Student s, long positionId) {
        return placements.ofStudent(s.id()).stream().filter(p -> p.positionId() == positionId).findFirst()
                .orElseThrow();
    }

    private long messages(long accountId, String key) {
        return jdbc.sql("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?")
                .params(accountId, key).query(Long.class).single();
    }
}
