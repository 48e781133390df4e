package org.workstudy.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;

class ApplyPolicyTest {

    static final Instant OPENS = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-07T00:00:00Z");

    static PositionView position(PositionStatus status, Set<Long> colleges, Set<Integer> cohorts) {
        return new PositionView(1, BankKind.SCHOOL, null, 1, "图书馆", true, "图书整理", "", "TEMPORARY",
                Set.of(TimeKind.WEEKEND), "图书馆", "厦门", 3, new BigDecimal("4"), new BigDecimal("18"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 15), OPENS, CLOSES, colleges, cohorts,
                SelectionMode.FIRST_COME, null, status, "350200");
    }

    @Test
    void anEnrolledStudentMayApplyInsideTheWindow() {
        assertThat(ApplyPolicy.refusal(position(PositionStatus.PUBLISHED, Set.of(), Set.of()), StudentStatus.ACTIVE,
                7, 2025, OPENS, 0, 5)).isEmpty();
    }

    @Test
    void theWindowOpensAtItsFirstInstantAndClosesBeforeItsLast() {
        PositionView p = position(PositionStatus.PUBLISHED, Set.of(), Set.of());
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2025, OPENS.minusMillis(1), 0, 5))
                .contains("placements.refused.not-yet-open");
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2025, CLOSES.minusMillis(1), 0, 5)).isEmpty();
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2025, CLOSES, 0, 5))
                .contains("placements.refused.closed");
    }

    @Test
    void aPositionThatIsNotPublishedTakesNoApplications() {
        assertThat(ApplyPolicy.refusal(position(PositionStatus.APPROVED, Set.of(), Set.of()), StudentStatus.ACTIVE,
                7, 2025, OPENS, 0, 5)).contains("placements.refused.closed");
    }

    @Test
    void onlyTheNamedCollegesAndCohortsMayApply() {
        PositionView p = position(PositionStatus.PUBLISHED, Set.of(7L), Set.of(2024, 2025));
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2025, OPENS, 0, 5)).isEmpty();
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 8, 2025, OPENS, 0, 5))
                .contains("placements.refused.not-eligible");
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2023, OPENS, 0, 5))
                .contains("placements.refused.not-eligible");
    }

    @Test
    void theFifthOpenApplicationIsTheLast() {
        PositionView p = position(PositionStatus.PUBLISHED, Set.of(), Set.of());
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2025, OPENS, 4, 5)).isEmpty();
        assertThat(ApplyPolicy.refusal(p, StudentStatus.ACTIVE, 7, 2025, OPENS, 5, 5))
                .contains("placements.refused.too-many-open");
    }

    @Test
    void aSuspendedStudentMayNotApply() {
        assertThat(ApplyPolicy.refusal(position(PositionStatus.PUBLISHED, Set.of(), Set.of()), StudentStatus.SUSPENDED,
                7, 2025, OPENS, 0, 5)).contains("placements.refused.not-enrolled");
    }
}
