package org.workstudy.pay.api;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.pay.PaySheet;
import org.workstudy.pay.PaySheets;
import org.workstudy.pay.internal.MyPay;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.pay.internal.PayPages;
import org.workstudy.pay.internal.PayTotal;
import org.workstudy.shared.BusinessException;

/** Pay sheets, monthly terms and students' pay, with the same role and scope checks as the pages. */
@RestController
@RequestMapping("/api/v1/pay")
@Tag(name = "pay")
class PayApi {

    private final PaySheets pay;
    private final PayPages pages;

    PayApi(PaySheets pay, PayPages pages) {
        this.pay = pay;
        this.pages = pages;
    }

    record Created(long id) {
    }

    record OpenPaySheet(Long employerId, String month) {
    }

    record Reason(String reason) {
    }

    record MonthlyTermsForm(BigDecimal monthlyAmount, BigDecimal monthlyHours) {
    }

    record BankCardForm(String bankName, String cardNo) {
    }

    @Operation(summary = "The month's sheets the caller may read (month as 2026-11)")
    @GetMapping("/sheets")
    List<PaySheet> sheets(@RequestParam String month) {
        PayChecks.require(PayChecks.mayRead(CurrentUser.require()));
        return pages.sheets(CurrentUser.require(), PayChecks.month(month));
    }

    @Operation(summary = "Open (create as a draft, or recompute) the month's sheet of an employer")
    @PostMapping("/sheets")
    ResponseEntity<Created> open(@RequestBody OpenPaySheet body) {
        PayChecks.require(PayChecks.mayOpen(CurrentUser.require()));
        if (body.employerId() == null) {
            throw BusinessException.invalid("pay.employer-required").field("employerId");
        }
        return ResponseEntity.status(201).body(new Created(pay.open(CurrentUser.require(), body.employerId(),
                PayChecks.month(body.month()))));
    }

    @Operation(summary = "A sheet with its lines (bank cards masked)")
    @GetMapping("/sheets/{sheetId}")
    PaySheet sheet(@PathVariable long sheetId) {
        return pay.sheet(CurrentUser.require(), sheetId);
    }

    @Operation(summary = "The employer confirms a draft")
    @PostMapping("/sheets/{sheetId}/confirm")
    ResponseEntity<Void> confirm(@PathVariable long sheetId) {
        pay.confirm(CurrentUser.require(), sheetId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The center approves a confirmed sheet: frozen")
    @PostMapping("/sheets/{sheetId}/approve")
    ResponseEntity<Void> approve(@PathVariable long sheetId) {
        pay.approve(CurrentUser.require(), sheetId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The center returns a confirmed sheet to the employer (a reason is required)")
    @PostMapping("/sheets/{sheetId}/return")
    ResponseEntity<Void> giveBack(@PathVariable long sheetId, @RequestBody Reason body) {
        pages.returnToEmployer(CurrentUser.require(), sheetId, body.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Totals of the month's frozen sheets by college and funding source")
    @GetMapping("/totals")
    List<PayTotal> totals(@RequestParam String month) {
        PayChecks.require(PayChecks.mayReadTotals(CurrentUser.require()));
        return pages.totals(CurrentUser.require(), PayChecks.month(month));
    }

    @Operation(summary = "Set a fixed position's monthly amount for its monthly hour quota")
    @PutMapping("/positions/{positionId}/terms")
    ResponseEntity<Void> terms(@PathVariable long positionId, @RequestBody MonthlyTermsForm body) {
        pages.setTerms(CurrentUser.require(), positionId, body.monthlyAmount(), body.monthlyHours());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The student's own pay (frozen sheets) and card, masked")
    @GetMapping("/my")
    MyPay mine() {
        return pages.mine(CurrentUser.require());
    }

    @Operation(summary = "The student sets their own bank card")
    @PutMapping("/my/card")
    ResponseEntity<Void> card(@RequestBody BankCardForm body) {
        pay.saveCard(CurrentUser.require(), body.bankName(), body.cardNo());
        return ResponseEntity.noContent().build();
    }
}
