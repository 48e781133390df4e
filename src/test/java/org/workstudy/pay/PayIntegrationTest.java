package org.workstudy.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.pay.internal.PayPages;
import org.workstudy.pay.internal.PayTotal;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/** A month's pay sheet from counted hours: caps, confirmation, freeze, export, and corrections as adjustments. */
@IntegrationTest
class PayIntegrationTest {

    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2025, 11);

    @Autowired
    PaySheets pay;
    @Autowired
    PayPages pages;
    @Autowired
    HoursFixtures hours;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CardEncryptionAtStart encryptionAtStart;

    @Test
    void cardNumbersAreStoredEncryptedAndCardsStoredBeforeAreEncryptedAtStart() {
        HoursFixtures.Setup setup = hours.placed(2);
        CurrentUser student = PlacementFixtures.signedIn(setup.students().get(0));
        pay.saveCard(student, "中国银行", "6222 0212 3456 7890 123");
        String stored = jdbc.sql("SELECT card_no FROM pay_bank_card WHERE student_id = ?")
                .param(setup.students().get(0).id()).query(String.class).single();
        assertThat(stored).startsWith("enc1:").doesNotContain("6222").doesNotContain("0123");
        pay.saveCard(student, "中国银行", "6222 0212 3456 7890 123");
        assertThat(jdbc.sql("SELECT card_no FROM pay_bank_card WHERE student_id = ?")
                .param(setup.students().get(0).id()).query(String.class).single())
                .as("a new IV each time").isNotEqualTo(stored);
        assertThat(pages.mine(student).maskedCard()).isEqualTo("6222 **** **** 0123");

        // a card stored in plain text before V94 is encrypted by the step at startup, and read the same
        long other = setup.students().get(1).id();
        jdbc.sql("INSERT INTO pay_bank_card (student_id, bank_name, card_no, updated_at) VALUES (?, '农业银行',"
                + " '6228480012345678', now())").param(other).update();
        fixtures.inTransaction(() -> {
            encryptionAtStart.encryptPlainCards();
            return null;
        });
        assertThat(jdbc.sql("SELECT card_no FROM pay_bank_card WHERE student_id = ?").param(other)
                .query(String.class).single()).startsWith("enc1:").doesNotContain("6228");
        assertThat(pages.mine(PlacementFixtures.signedIn(setup.students().get(1))).maskedCard())
                .isEqualTo("6228 **** **** 5678");
        assertThat(jdbc.sql("SELECT count(*) FROM pay_bank_card WHERE card_no NOT LIKE 'enc1:%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFrozenMonthNeverChangesAndALaterCorrectionIsNextMonthsAdjustment() throws Exception {
        HoursFixtures.Setup setup = hours.placed(1);
        CurrentUser student = PlacementFixtures.signedIn(setup.student());
        long saturday = ledger.record(setup.counselor(), HoursFixtures.work(setup.student(), setup.placement(),
                "2025-10-18", "09:00", "13:00"));
        ledger.record(setup.counselor(), HoursFixtures.work(setup.student(), setup.placement(), "2025-10-19", "09:00",
                "13:00"));
        pay.saveCard(student, "中国银行", "6222 0212 3456 7890 123");

        long october = pay.open(setup.employer(), setup.employerId(), OCTOBER);
        PaySheet draft = pay.sheet(setup.employer(), october);
        assertThat(draft.funding()).isEqualTo(Funding.SCHOOL_FUND); // an on-campus employer
        PaySheet.PayLine line = draft.lines().get(0);
        assertThat(line.hours()).isEqualByComparingTo("8");
        assertThat(line.paidHours()).isEqualByComparingTo("8"); // the ledger already kept the week to 8 hours
        assertThat(line.rate()).isEqualByComparingTo("18");
        assertThat(line.amount()).isEqualByComparingTo("144.00");
        assertThat(line.bankCard()).isEqualTo("6222 **** **** 0123");

        // the center cannot approve a draft; the employer confirms, the center approves: frozen
        assertThatThrownBy(() -> pay.approve(PlacementFixtures.CENTER, october))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("pay.sheet.not-confirmed"));
        pay.confirm(setup.employer(), october);
        pay.approve(PlacementFixtures.CENTER, october);
        assertThat(pay.sheet(setup.employer(), october).status()).isEqualTo(SheetStatus.FROZEN);
        assertThat(pages.mine(student).lines()).extracting(PaySheet.PayLine::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("144.00"));

        // the database refuses to change a frozen line
        assertThatThrownBy(() -> jdbc.sql("UPDATE pay_line SET amount = 1 WHERE sheet_id = ?").param(october).update())
                .hasMessageContaining("frozen");

        // after the freeze the Saturday is voided: October stays as paid, November carries the difference
        ledger.voidEntry(setup.counselor(), saturday, "记错日期");
        assertThat(pay.sheet(setup.employer(), october).totalAmount()).isEqualByComparingTo("144.00");
        long november = pay.open(setup.employer(), setup.employerId(), NOVEMBER);
        PaySheet next = pay.sheet(setup.employer(), november);
        assertThat(next.lines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo("ADJUSTMENT");
            assertThat(l.workMonth()).isEqualTo(OCTOBER.atDay(1));
            assertThat(l.paidHours()).isEqualByComparingTo("-4"); // 4 hours now payable instead of 8
            assertThat(l.amount()).isEqualByComparingTo("-72.00");
        });
        pay.confirm(setup.employer(), november);
        pay.approve(PlacementFixtures.CENTER, november);
        // December: nothing left to adjust (the adjustment was paid)
        long december = pay.open(setup.employer(), setup.employerId(), YearMonth.of(2025, 12));
        assertThat(pay.sheet(setup.employer(), december).lines()).isEmpty();

        // totals by college and funding source: the two frozen months
        assertThat(pages.totals(PlacementFixtures.CENTER, OCTOBER)).filteredOn(t -> t.funding() == Funding.SCHOOL_FUND)
                .extracting(PayTotal::amount).isNotEmpty();

        // the finance export: full card for the center of a frozen sheet, masked for the employer
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        pages.export(PlacementFixtures.CENTER, october, full);
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(full.toByteArray())).sheet()
                .headRowNumber(0).doReadSync();
        assertThat(rows.get(0)).containsEntry(0, "学号").containsEntry(1, "姓名").containsEntry(2, "银行卡号")
                .containsEntry(3, "工时").containsEntry(4, "单价").containsEntry(5, "金额");
        assertThat(rows.get(1)).containsEntry(0, setup.student().studentNo()).containsEntry(2, "6222021234567890123");
        assertThat(new BigDecimal(rows.get(1).get(5))).isEqualByComparingTo("144.00");
        ByteArrayOutputStream masked = new ByteArrayOutputStream();
        pages.export(setup.employer(), october, masked);
        assertThat(FastExcel.read(new ByteArrayInputStream(masked.toByteArray())).sheet().headRowNumber(0)
                .doReadSync()).element(1).satisfies(r -> assertThat(((Map<?, ?>) r).get(2)).isEqualTo("6222 **** **** 0123"));
    }

    @Test
    void aFixedPositionsMonthlyAmountIsPaidProRataAndNeverBelowTheMinimumWage() {
        HoursFixtures.Setup setup = hours.placed(1); // HoursFixtures' position is FIXED at 18 yuan an hour
        assertThatThrownBy(() -> pages.setTerms(setup.employer(), setup.positionId(), new BigDecimal("500"),
                new BigDecimal("40"))).isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("pay.terms.below-minimum");
                    assertThat(e.field()).isEqualTo("monthlyAmount");
                });
        pages.setTerms(setup.employer(), setup.positionId(), new BigDecimal("700"), new BigDecimal("40"));
        ledger.record(setup.counselor(), HoursFixtures.work(setup.student(), setup.placement(), "2025-10-18", "09:00",
                "13:00"));
        long sheet = pay.open(setup.employer(), setup.employerId(), OCTOBER);
        PaySheet.PayLine line = pay.sheet(setup.employer(), sheet).lines().get(0);
        assertThat(line.basis()).isEqualTo("MONTHLY");
        assertThat(line.amount()).isEqualByComparingTo("70.00"); // 4 of 40 hours of 700
    }

    @Test
    void anotherEmployersSheetAndAnotherStudentsPayAreOutOfReach() throws Exception {
        HoursFixtures.Setup a = hours.placed(1);
        HoursFixtures.Setup b = hours.placed(1);
        ledger.record(a.counselor(), HoursFixtures.work(a.student(), a.placement(), "2025-10-18", "09:00", "12:00"));
        long sheetA = pay.open(a.employer(), a.employerId(), OCTOBER);
        assertThatThrownBy(() -> pay.sheet(b.employer(), sheetA)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> pay.open(b.employer(), a.employerId(), OCTOBER))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> pay.confirm(b.employer(), sheetA)).isInstanceOf(BusinessException.class);
        String employerB = fixtures.account(Grant.of(Role.EMPLOYER, b.employerId()));
        mvc.perform(get("/api/v1/pay/sheets/" + sheetA).with(httpBasic(employerB, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pay/sheets?month=2025-13").with(httpBasic(employerB, Fixtures.PASSWORD)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("month"));
        pay.confirm(a.employer(), sheetA);
        pay.approve(PlacementFixtures.CENTER, sheetA);
        // student B sees only their own pay (none), never A's line
        String studentB = b.student().studentNo();
        mvc.perform(get("/api/v1/pay/my").with(httpBasic(studentB, fixtures.password(studentB))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lines.length()").value(0));
        mvc.perform(put("/api/v1/pay/my/card").with(httpBasic(studentB, fixtures.password(studentB)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bankName\":\"中国银行\",\"cardNo\":\"12ab\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("cardNo"));
        assertThat(pages.mine(PlacementFixtures.signedIn(a.student())).lines()).hasSize(1);
    }
}
