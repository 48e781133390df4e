package org.workstudy.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.workstudy.calendar.Term;
import org.workstudy.shared.TermCode;

class PayRulesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static final BigDecimal WEEK = d("8");
    private static final BigDecimal MONTH = d("40");
    private static final Predicate<LocalDate> ALL_TERM = x -> true;

    @Test
    void hourlyPayIsRoundedToTheFenHalfUpOncePerLine() {
        assertThat(PayRules.hourly(d("2.5"), d("15"))).isEqualByComparingTo("37.50");
        assertThat(PayRules.hourly(d("0.33"), d("15.50"))).isEqualByComparingTo("5.12"); // 5.115 → 5.12
        assertThat(PayRules.hourly(d("0.17"), d("15.50"))).isEqualByComparingTo("2.64"); // 2.635 → 2.64
        assertThat(PayRules.hourly(d("1.01"), d("15.33"))).isEqualByComparingTo("15.48"); // 15.4833 → 15.48
        assertThat(PayRules.hourly(d("1.01"), d("15.33")).scale()).isEqualTo(2);
    }

    @Test
    void aMonthlyAmountIsPaidInFullAtTheQuotaAndProRataBelowNeverAbove() {
        assertThat(PayRules.monthly(d("40"), d("40"), d("700"))).isEqualByComparingTo("700.00");
        assertThat(PayRules.monthly(d("45"), d("40"), d("700"))).isEqualByComparingTo("700.00");
        assertThat(PayRules.monthly(d("13"), d("40"), d("700"))).isEqualByComparingTo("227.50");
        assertThat(PayRules.monthly(d("1"), d("30"), d("650"))).isEqualByComparingTo("21.67"); // 21.666…
        assertThat(PayRules.monthly(d("0"), d("30"), d("650"))).isEqualByComparingTo("0.00");
        assertThat(PayRules.rateOf(d("650"), d("30"))).isEqualByComparingTo("21.67");
    }

    @Test
    void termTimeHoursArePaidUpToEightAWeek() {
        // Saturday and Sunday of one week: 6 + 6 hours, only 8 paid
        Map<Long, BigDecimal> paid = PayRules.payable(List.of(
                new PayRules.Worked(LocalDate.of(2025, 10, 18), 1, d("6")),
                new PayRules.Worked(LocalDate.of(2025, 10, 19), 1, d("6"))), ALL_TERM, WEEK, MONTH);
        assertThat(paid.get(1L)).isEqualByComparingTo("8");
    }

    @Test
    void termTimeHoursArePaidUpToFortyAMonthAcrossPositionsInDateOrder() {
        List<PayRules.Worked> worked = new java.util.ArrayList<>();
        // six weeks of October–November? no: one month, five weekends of 8 hours on position 1, then 8 more on 2
        LocalDate sat = LocalDate.of(2025, 11, 1);
        for (int w = 0; w < 5; w++) {
            worked.add(new PayRules.Worked(sat.plusWeeks(w), 1, d("8")));
        }
        worked.add(new PayRules.Worked(LocalDate.of(2025, 11, 30), 2, d("8"))); // a Sunday of the fifth week
        Map<Long, BigDecimal> paid = PayRules.payable(worked, ALL_TERM, WEEK, MONTH);
        assertThat(paid.get(1L)).isEqualByComparingTo("40");
        assertThat(paid.get(2L)).isEqualByComparingTo("0");
    }

    @Test
    void vacationHoursAreUncappedAndDoNotUseTheTermTimeCaps() {
        Term autumn = new Term(1, TermCode.parse("2025-2026-1"), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 16));
        Predicate<LocalDate> termTime = SheetComputation.termTime(List.of(autumn));
        Map<Long, BigDecimal> paid = PayRules.payable(List.of(
                new PayRules.Worked(LocalDate.of(2026, 1, 17), 1, d("10")), // first day of the winter vacation
                new PayRules.Worked(LocalDate.of(2026, 1, 18), 1, d("10")),
                new PayRules.Worked(LocalDate.of(2026, 1, 15), 1, d("6")), // term time (Thursday evening)
                new PayRules.Worked(LocalDate.of(2026, 1, 16), 1, d("6"))), termTime, WEEK, MONTH);
        // term days 15/16: 8 of 12 paid (the week cap); vacation days 17/18 (same Monday–Sunday week): all 20
        assertThat(paid.get(1L)).isEqualByComparingTo("28");
    }

    @Test
    void anAdjustmentIsWhatTheFrozenMonthWouldPayNowMinusWhatWasPaid() {
        BigDecimal paid = PayRules.hourly(d("8"), d("15"));
        BigDecimal now = PayRules.hourly(d("6"), d("15")); // 2 hours voided after the freeze
        assertThat(now.subtract(paid)).isEqualByComparingTo("-30.00");
    }

    @Test
    void cardsAreMaskedToTheirFirstAndLastFourDigits() {
        assertThat(BankCards.maskCard("6222021234567890123")).isEqualTo("6222 **** **** 0123");
        assertThat(BankCards.maskCard("1234")).isEqualTo("****");
    }
}
