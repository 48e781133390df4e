package org.workstudy.placements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.workstudy.shared.BusinessException;

/** DESIGN §2 rules 5 and 6 at their edges. */
class SelfArrangedRulesTest {

    static final LocalDate START = LocalDate.of(2026, 7, 10);

    static SelfArrangedForm form(String city, LocalDate start, LocalDate end, String hours) {
        return new SelfArrangedForm(" 某某公司 ", city, "某路 1 号", "王经理", "0592-1234567", start, end,
                hours == null ? null : new BigDecimal(hours), "暑期促销");
    }

    @Test
    void registeringTheDayBeforeTheStartIsAccepted() {
        SelfArrangedForm f = SelfArrangedRules.validate(form("厦门", START, START.plusDays(5), "24"), START.minusDays(1));
        assertThat(f.employerName()).isEqualTo("某某公司");
    }

    @Test
    void registeringOnTheStartDateIsStillBeforeTheWork() {
        SelfArrangedRules.validate(form("厦门", START, START.plusDays(5), "24"), START);
    }

    @Test
    void selfArrangedWorkRegisteredAfterItStartedIsRefused() {
        assertThatThrownBy(() -> SelfArrangedRules.validate(form("厦门", START, START.plusDays(5), "24"),
                START.plusDays(1)))
                .isInstanceOf(BusinessException.class).hasMessageContaining("selfwork.register-too-late");
    }

    @Test
    void theEndMayEqualTheStartButNotPrecedeIt() {
        SelfArrangedRules.validate(form("厦门", START, START, "6"), START.minusDays(3));
        assertThatThrownBy(() -> SelfArrangedRules.validate(form("厦门", START, START.minusDays(1), "6"),
                START.minusDays(3))).hasMessageContaining("selfwork.end-before-start");
    }

    @Test
    void expectedHoursMustBePositiveAndFieldsPresent() {
        assertThatThrownBy(() -> SelfArrangedRules.validate(form("厦门", START, START, "0"), START.minusDays(3)))
                .hasMessageContaining("selfwork.hours-invalid");
        assertThatThrownBy(() -> SelfArrangedRules.validate(form("厦门", START, START, "-1"), START.minusDays(3)))
                .hasMessageContaining("selfwork.hours-invalid");
        assertThatThrownBy(() -> SelfArrangedRules.validate(form("厦门", START, START, null), START.minusDays(3)))
                .hasMessageContaining("error.required");
        assertThatThrownBy(() -> SelfArrangedRules.validate(form("  ", START, START, "6"), START.minusDays(3)))
                .hasMessageContaining("error.required");
    }

    @Test
    void xiamenWrittenAnyWayIsTheHomeCity() {
        assertThat(SelfArrangedRules.outOfCity("厦门市", "厦门")).isFalse();
        assertThat(SelfArrangedRules.outOfCity(" 厦门 ", "厦门")).isFalse();
        assertThat(SelfArrangedRules.outOfCity("福建省厦门市", "厦门")).isFalse();
        assertThat(SelfArrangedRules.outOfCity("Xiamen", "厦门")).isFalse();
        assertThat(SelfArrangedRules.outOfCity("厦门", "厦门市")).isFalse();
        assertThat(SelfArrangedRules.outOfCity("泉州市", "厦门")).isTrue();
        assertThat(SelfArrangedRules.outOfCity("福州", "厦门")).isTrue();
    }

    @Test
    void theViceDeanApprovesTheDayBeforeTheStartButNotOnTheStartDate() {
        assertThat(SelfArrangedRules.viceDeanInTime(START.minusDays(1), START)).isTrue();
        assertThat(SelfArrangedRules.viceDeanInTime(START, START)).isFalse();
        assertThat(SelfArrangedRules.viceDeanInTime(START.plusDays(1), START)).isFalse();
        assertThat(SelfArrangedRules.expired(true, SelfArrangedStatus.WAITING_VICE_DEAN, START, START)).isTrue();
        assertThat(SelfArrangedRules.expired(true, SelfArrangedStatus.WAITING_VICE_DEAN, START, START.minusDays(1)))
                .isFalse();
        assertThat(SelfArrangedRules.expired(false, SelfArrangedStatus.SUBMITTED, START, START.plusDays(3))).isFalse();
    }

    static SelfArrangedView view(boolean out, SelfArrangedStatus status, LocalDate counselor, LocalDate viceDean,
            boolean verified) {
        return new SelfArrangedView(1, 2, "某某公司", out ? "泉州" : "厦门", "某路", out, START, START.plusDays(20),
                new BigDecimal("60"), "促销", status, counselor, viceDean, verified);
    }

    @Test
    void selfArrangedWorkBeforeTheCounselorsApprovalDoesNotCount() {
        LocalDate approved = START.plusDays(3);
        SelfArrangedView v = view(false, SelfArrangedStatus.APPROVED, approved, null, false);
        assertThat(v.countsOn(approved.minusDays(1))).isFalse();
        assertThat(v.countsOn(approved)).isTrue();
        assertThat(v.countsOn(START.plusDays(20))).isTrue();
        assertThat(v.countsOn(START.plusDays(21))).as("after the end").isFalse();
    }

    @Test
    void homeCityWorkCountsWithoutACertificate() {
        SelfArrangedView v = view(false, SelfArrangedStatus.APPROVED, START.minusDays(2), null, false);
        assertThat(v.countsOn(START)).isTrue();
        assertThat(view(false, SelfArrangedStatus.SUBMITTED, null, null, false).countsOn(START)).isFalse();
        assertThat(view(false, SelfArrangedStatus.WITHDRAWN, START.minusDays(2), null, false).countsOn(START))
                .isFalse();
    }

    @Test
    void outOfCityWorkWithoutAVerifiedCertificateDoesNotCount() {
        LocalDate counselor = START.minusDays(5);
        LocalDate viceDean = START.minusDays(1);
        assertThat(view(true, SelfArrangedStatus.VICE_DEAN_APPROVED, counselor, viceDean, false).countsOn(START))
                .isFalse();
        assertThat(view(true, SelfArrangedStatus.CERTIFICATE_UPLOADED, counselor, viceDean, false).countsOn(START))
                .isFalse();
        assertThat(view(true, SelfArrangedStatus.VERIFIED, counselor, viceDean, true).countsOn(START)).isTrue();
    }

    @Test
    void outOfCityWorkWithoutTheViceDeansApprovalBeforeTheStartDoesNotCount() {
        LocalDate counselor = START.minusDays(5);
        assertThat(view(true, SelfArrangedStatus.VERIFIED, counselor, null, true).countsOn(START)).isFalse();
        assertThat(view(true, SelfArrangedStatus.VERIFIED, counselor, START, true).countsOn(START.plusDays(1)))
                .isFalse();
        assertThat(view(true, SelfArrangedStatus.WAITING_VICE_DEAN, counselor, null, false).countsOn(START))
                .isFalse();
    }
}
