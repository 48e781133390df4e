package org.workstudy.awards.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The eligibility rules at their edges: exactly at a threshold, 0.1 below, a penalty's last day. */
class EligibilityRulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 8, 31);

    static ThresholdVersion version(String hours, boolean onTrack, String classPercent, String counselorPercent,
            String onTimePercent) {
        return new ThresholdVersion(1, LocalDate.of(2000, 1, 1), null, new BigDecimal(hours), onTrack,
                new BigDecimal(classPercent), new BigDecimal(counselorPercent), 7, new BigDecimal(onTimePercent),
                new BigDecimal("24"), new BigDecimal("10"), null, "system", null);
    }

    static final ThresholdVersion V = version("72", false, "80", "80", "90");

    @Test
    void aStudentExactlyAtTheHoursIsEligibleAndOneTenthBelowIsJustBelowWithWhatTheyLack() {
        Verdict at = EligibilityRules.student(V, new BigDecimal("72.0"), false, List.of(), DAY);
        assertThat(at.eligible()).isTrue();
        assertThat(at.met()).extracting(Reason::key).containsExactly("awards.reason.year-hours",
                "awards.reason.no-penalty");

        Verdict below = EligibilityRules.student(V, new BigDecimal("71.9"), false, List.of(), DAY);
        assertThat(below.eligible()).isFalse();
        assertThat(below.near()).isTrue();
        assertThat(below.lacks()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("awards.lack.hours");
            assertThat(r.args()).containsExactly("0.1", "71.9", "72");
        });
    }

    @Test
    void aStudentFurtherBelowThanTheMarginIsNotListedAtAll() {
        Verdict edge = EligibilityRules.student(V, new BigDecimal("48"), false, List.of(), DAY);
        assertThat(edge.near()).isTrue(); // exactly 24 short
        Verdict far = EligibilityRules.student(V, new BigDecimal("47.9"), false, List.of(), DAY);
        assertThat(far.eligible()).isFalse();
        assertThat(far.near()).isFalse();
    }

    @Test
    void onTrackCountsOnlyWhenTheVersionSaysSo() {
        assertThat(EligibilityRules.student(V, BigDecimal.ZERO, true, List.of(), DAY).eligible()).isFalse();
        ThresholdVersion orTrack = version("72", true, "80", "80", "90");
        Verdict v = EligibilityRules.student(orTrack, BigDecimal.ZERO, true, List.of(), DAY);
        assertThat(v.eligible()).isTrue();
        assertThat(v.met()).extracting(Reason::key).contains("awards.reason.on-track");
    }

    @Test
    void aPenaltyCountsUpToAndIncludingItsLastDayAndNotBeforeItWasDecided() {
        BigDecimal enough = new BigDecimal("100");
        var endsThatDay = new EligibilityRules.Penalty("NO_SHOW", DAY.minusDays(30), DAY);
        Verdict inForce = EligibilityRules.student(V, enough, false, List.of(endsThatDay), DAY);
        assertThat(inForce.eligible()).isFalse();
        assertThat(inForce.near()).isTrue(); // only the penalty is lacking
        assertThat(inForce.lacks()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("awards.lack.penalty");
            assertThat(r.args().get(1)).isEqualTo("2026-08-31");
        });

        var endedTheDayBefore = new EligibilityRules.Penalty("NO_SHOW", DAY.minusDays(30), DAY.minusDays(1));
        assertThat(EligibilityRules.student(V, enough, false, List.of(endedTheDayBefore), DAY).eligible()).isTrue();

        var decidedLater = new EligibilityRules.Penalty("FALSIFIED_HOURS", DAY.plusDays(1), DAY.plusDays(90));
        assertThat(EligibilityRules.student(V, enough, false, List.of(decidedLater), DAY).eligible()).isTrue();

        var decidedThatDay = new EligibilityRules.Penalty("FALSIFIED_HOURS", DAY, DAY);
        assertThat(EligibilityRules.student(V, enough, false, List.of(decidedThatDay), DAY).eligible()).isFalse();
    }

    @Test
    void aClassExactlyAtTheShareIsEligibleAndJustBelowSaysHowManyAreMissing() {
        Verdict at = EligibilityRules.group(V, 5, 4, 0); // 80 %
        assertThat(at.eligible()).isTrue();
        assertThat(at.met()).extracting(Reason::key).containsExactly("awards.reason.class-share",
                "awards.reason.no-arrears");

        Verdict tenthAbove = EligibilityRules.group(version("72", false, "80.1", "80", "90"), 5, 4, 0);
        assertThat(tenthAbove.eligible()).isFalse();
        assertThat(tenthAbove.near()).isTrue();
        assertThat(tenthAbove.lacks()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("awards.lack.share");
            assertThat(r.args()).containsExactly("80", 1L, "80.1");
        });

        // 39 of 50 on track: 78 %, 80 % needs 40, so one more
        Verdict seventyEight = EligibilityRules.group(V, 50, 39, 0);
        assertThat(seventyEight.near()).isTrue();
        assertThat(seventyEight.lacks().get(0).args()).containsExactly("78", 1L, "80");

        // 35 of 50: 70 %, exactly the 10-point margin; 34 of 50 is past it
        assertThat(EligibilityRules.group(V, 50, 35, 0).near()).isTrue();
        assertThat(EligibilityRules.group(V, 50, 34, 0).near()).isFalse();
    }

    @Test
    void oneStudentInArrearsTakesAFullClassOutButLeavesItJustBelow() {
        Verdict v = EligibilityRules.group(V, 30, 30, 1);
        assertThat(v.eligible()).isFalse();
        assertThat(v.near()).isTrue();
        assertThat(v.lacks()).extracting(Reason::key).containsExactly("awards.lack.arrears");
    }

    @Test
    void aCounselorNeedsBothSharesAndNothingToConfirmCountsAsMet() {
        assertThat(EligibilityRules.counselor(V, 10, 8, 0, 0).eligible()).isTrue();
        assertThat(EligibilityRules.counselor(V, 10, 8, 10, 9).eligible()).isTrue(); // exactly 90 %
        Verdict late = EligibilityRules.counselor(V, 10, 8, 10, 8); // 80 %: within the 10-point margin
        assertThat(late.eligible()).isFalse();
        assertThat(late.near()).isTrue();
        assertThat(late.lacks()).extracting(Reason::key).containsExactly("awards.lack.confirmations");
        Verdict both = EligibilityRules.counselor(V, 10, 7, 10, 8);
        assertThat(both.near()).isTrue();
        assertThat(both.lacks()).hasSize(2);
        assertThat(EligibilityRules.counselor(V, 10, 6, 10, 9).near()).isFalse(); // 60 %: 20 points short
    }

    @Test
    void aConfirmationDecidedExactlyAtTheDeadlineIsInTimeAndOneSecondLaterIsLate() {
        Instant recorded = Instant.parse("2026-03-02T08:00:00Z");
        Duration week = Duration.ofDays(7);
        Instant deadline = recorded.plus(week);
        assertThat(AwardLists.timing(recorded, deadline, deadline, week)).isEqualTo(AwardLists.Timing.IN_TIME);
        assertThat(AwardLists.timing(recorded, deadline.plusSeconds(1), deadline.plusSeconds(1), week))
                .isEqualTo(AwardLists.Timing.LATE);
        assertThat(AwardLists.timing(recorded, null, deadline, week)).isEqualTo(AwardLists.Timing.OPEN);
        assertThat(AwardLists.timing(recorded, null, deadline.plusSeconds(1), week)).isEqualTo(AwardLists.Timing.LATE);
    }

    @Test
    void sharesAreShownRoundedDown() {
        assertThat(EligibilityRules.percentText(2, 3)).isEqualTo("66.6");
        assertThat(EligibilityRules.percentText(1, 1)).isEqualTo("100");
        assertThat(EligibilityRules.missing(0, 3, new BigDecimal("100"))).isEqualTo(3);
    }
}
