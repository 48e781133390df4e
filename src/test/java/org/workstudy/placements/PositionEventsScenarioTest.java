package org.workstudy.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.workstudy.organization.Student;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionCapacityChanged;
import org.workstudy.positions.PositionClosed;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * The flows from positions to placements, as Spring Modulith scenarios: positions announces a change of its own
 * (more places, cancelled), placements hears it after the commit and moves the students' applications and
 * placements. Each scenario waits for the students' state itself, so it fails when the listener is missing.
 */
@IntegrationTest
@EnableScenarios
class PositionEventsScenarioTest {

    /** A bound on the wait under a loaded machine, not a measured duration. */
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Autowired
    Applications applications;
    @Autowired
    Placements placements;
    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    PositionWorkflow workflow;
    @Autowired
    JdbcClient jdbc;

    @Test
    void morePlacesLetTheWaitListInInOrder(Scenario scenario) {
        List<Student> s = fixtures.students(school.schoolClass(school.college()), 4);
        long position = fixtures.published(1, SelectionMode.FIRST_COME, Set.of());
        apply(s.get(0), position);
        ApplyOutcome second = apply(s.get(1), position);
        ApplyOutcome third = apply(s.get(2), position);
        ApplyOutcome fourth = apply(s.get(3), position);
        assertThat(List.of(second.status(), third.status(), fourth.status()))
                .containsOnly(ApplicationStatus.WAITLISTED);

        scenario.stimulate(() -> workflow.raiseCapacity(PlacementFixtures.CENTER, position, 3))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> statusOf(third.applicationId()), "ACCEPTED"::equals)
                .andVerifyEvents(events -> assertThat(events.ofType(PositionCapacityChanged.class)
                        .matching(e -> e.positionId() == position && e.capacity() == 3)).hasSize(1));

        assertThat(statusOf(second.applicationId())).isEqualTo("ACCEPTED");
        assertThat(statusOf(fourth.applicationId())).isEqualTo("WAITLISTED");
        assertThat(placements.activePlacement(position, s.get(2).id())).isTrue();
        assertThat(placements.activePlacement(position, s.get(3).id())).isFalse();
    }

    @Test
    void aCancelledPositionEndsItsPlacementsAndCancelsTheWaitList(Scenario scenario) {
        List<Student> s = fixtures.students(school.schoolClass(school.college()), 2);
        long position = fixtures.published(1, SelectionMode.FIRST_COME, Set.of());
        apply(s.get(0), position);
        ApplyOutcome waiting = apply(s.get(1), position);
        assertThat(placements.activePlacement(position, s.get(0).id())).isTrue();

        scenario.stimulate(() -> workflow.step(PlacementFixtures.CENTER, position, PositionAction.CANCEL, "用人单位撤岗"))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> placements.activePlacement(position, s.get(0).id()), active -> !active)
                .andVerifyEvents(events -> assertThat(events.ofType(PositionClosed.class)
                        .matching(e -> e.positionId() == position && e.status() == PositionStatus.CANCELLED))
                        .hasSize(1));

        assertThat(statusOf(waiting.applicationId())).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT ended_reason FROM plc_placement WHERE position_id = ? AND student_id = ?")
                .params(position, s.get(0).id()).query(String.class).single()).isEqualTo("用人单位撤岗");
    }

    private ApplyOutcome apply(Student student, long position) {
        return applications.apply(PlacementFixtures.signedIn(student), position);
    }

    private String statusOf(long applicationId) {
        return jdbc.sql("SELECT status FROM plc_application WHERE id = ?").param(applicationId).query(String.class)
                .single();
    }
}
