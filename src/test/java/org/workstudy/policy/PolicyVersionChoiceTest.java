package org.workstudy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which version a cohort enrolled under: from its first cohort up to the cohort before the next version's. */
class PolicyVersionChoiceTest {

    private final List<PolicyVersion> versions = Policies.withRanges(List.of(version(1, 2016, "360"),
            version(2, 2027, "300")));

    @Test
    void aCohortBeforeTheFirstVersionHasNone() {
        assertThat(Policies.pick(versions, 2015)).isEmpty();
    }

    @Test
    void theFirstVersionsFirstCohortHasIt() {
        assertThat(Policies.pick(versions, 2016)).get().extracting(PolicyVersion::id).isEqualTo(1L);
    }

    @Test
    void theLastCohortBeforeTheNextVersionKeepsTheOldOne() {
        assertThat(Policies.pick(versions, 2026)).get().extracting(PolicyVersion::id).isEqualTo(1L);
        assertThat(versions.get(0).toCohort()).isEqualTo(2026);
    }

    @Test
    void theNextVersionsFirstCohortHasTheNewOne() {
        PolicyVersion v = Policies.pick(versions, 2027).orElseThrow();
        assertThat(v.id()).isEqualTo(2L);
        assertThat(v.requiredHours()).isEqualByComparingTo("300");
    }

    @Test
    void theNewestVersionIsOpenEnded() {
        assertThat(versions.get(1).toCohort()).isNull();
        assertThat(Policies.pick(versions, 2090)).get().extracting(PolicyVersion::id).isEqualTo(2L);
    }

    @Test
    void requiredDaysAreHoursOverHoursPerDay() {
        assertThat(versions.get(0).requiredDays()).isEqualByComparingTo("60");
    }

    static PolicyVersion version(long id, int from, String required) {
        return new PolicyVersion(id, from, null, String.valueOf(from), "勤工助学", new BigDecimal("2"),
                new BigDecimal(required), new BigDecimal("6"), 5, "厦门", new BigDecimal("180"), true, 5,
                LocalTime.of(18, 0), new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("40"), null, "system",
                Instant.parse("2016-06-01T00:00:00Z"), "350200");
    }
}
