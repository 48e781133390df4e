package org.workstudy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.policy.internal.PolicyProblem;

/** The checks of a new version: a later cohort than every version and every enrolled cohort, sane numbers. */
class PolicyRulesTest {

    /** The seeded 2016 version is the newest; cohorts up to 2026 have enrolled. */
    private static final PolicyRules.Opening OPENING = new PolicyRules.Opening(2016, 2026);

    @Test
    void aGoodVersionForTheNextCohortPasses() {
        assertThat(PolicyRules.problems(form(2027), OPENING)).isEmpty();
        assertThat(OPENING.earliest()).isEqualTo(2027);
    }

    @Test
    void aCohortNotLaterThanTheNewestVersionIsRefused() {
        assertThat(keys(form(2016), new PolicyRules.Opening(2016, 0))).containsExactly(
                "fromCohort:policy.error.cohort-not-after-newest");
        assertThat(keys(form(2015), new PolicyRules.Opening(2016, 0))).containsExactly(
                "fromCohort:policy.error.cohort-not-after-newest");
        assertThat(keys(form(2017), new PolicyRules.Opening(2016, 0))).isEmpty();
    }

    @Test
    void anEnrolledCohortIsRefusedEvenAfterTheNewestVersion() {
        assertThat(keys(form(2026), OPENING)).containsExactly("fromCohort:policy.error.cohort-enrolled");
        List<PolicyProblem> problems = PolicyRules.problems(form(2020), OPENING);
        assertThat(problems.get(0).args()).containsExactly(2020, 2026, 2027);
    }

    @Test
    void badNumbersAreRefusedEachWithItsField() {
        PolicyForm f = new PolicyForm("2027", 2027, "勤工助学", new BigDecimal("0"), new BigDecimal("-360"),
                new BigDecimal("25"), 13, "厦门", new BigDecimal("180"), true, 31, LocalTime.of(18, 0),
                new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("40"), null);
        assertThat(keys(f, OPENING)).containsExactlyInAnyOrder("credits:policy.error.range",
                "requiredHours:policy.error.range", "hoursPerDay:policy.error.range",
                "semesterWindow:policy.error.range", "noticeWorkingDays:policy.error.range");
    }

    @Test
    void theEdgesOfTheRangesPass() {
        PolicyForm f = new PolicyForm("2027", 2027, "勤工助学", new BigDecimal("2"), new BigDecimal("360"),
                new BigDecimal("24"), 12, "厦门", new BigDecimal("360"), false, 30, LocalTime.of(18, 0),
                new BigDecimal("24"), new BigDecimal("8"), new BigDecimal("40"), null);
        assertThat(keys(f, OPENING)).isEmpty();
        PolicyForm low = new PolicyForm("2027", 2027, "勤工助学", new BigDecimal("2"), new BigDecimal("360"),
                new BigDecimal("6"), 1, "厦门", new BigDecimal("180"), false, 1, LocalTime.of(18, 0),
                new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("40"), null);
        assertThat(keys(low, OPENING)).isEmpty();
    }

    @Test
    void emptyFieldsAreRefusedByName() {
        PolicyForm f = new PolicyForm(" ", null, "", null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(keys(f, OPENING)).contains("name:policy.error.required", "fromCohort:policy.error.required",
                "requiredHours:policy.error.required", "eveningFrom:policy.error.required",
                "partialOffsetAllowed:policy.error.required");
    }

    @Test
    void anOffsetAboveTheRequiredHoursAndTooManyDecimalsAreRefused() {
        PolicyForm f = new PolicyForm("2027", 2027, "勤工助学", new BigDecimal("2"), new BigDecimal("300"),
                new BigDecimal("6.125"), 5, "厦门", new BigDecimal("400"), true, 5, LocalTime.of(18, 0),
                new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("40"), null);
        assertThat(keys(f, OPENING)).containsExactlyInAnyOrder("hoursPerDay:policy.error.scale",
                "offsetHoursPerCredit:policy.error.offset-above-required");
    }

    static PolicyForm form(int cohort) {
        return new PolicyForm(cohort + "版", cohort, "勤工助学", new BigDecimal("2"), new BigDecimal("300"),
                new BigDecimal("4"), 5, "厦门", new BigDecimal("150"), true, 5, LocalTime.of(18, 30),
                new BigDecimal("8"), new BigDecimal("8"), new BigDecimal("40"), "测试");
    }

    private static List<String> keys(PolicyForm f, PolicyRules.Opening opening) {
        return PolicyRules.problems(f, opening).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }
}
