package org.workstudy.pay.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.pay.PaySheet;
import org.workstudy.pay.PaySheets;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.pay.internal.PayPages;
import org.workstudy.positions.Employers;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** 酬金: the month's sheets, a sheet with its decisions and export, fixed positions' monthly terms, a student's pay. */
@Controller
class PayController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PaySheets pay;
    private final PayPages pages;
    private final Employers employers;

    PayController(PaySheets pay, PayPages pages, Employers employers) {
        this.pay = pay;
        this.pages = pages;
        this.employers = employers;
    }

    @GetMapping("/pay")
    String sheets(@RequestParam(name = "month", required = false) String month, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        YearMonth m = month == null || month.isBlank() ? pages.dueMonth()
                : Outcomes.attempt(model, () -> PayChecks.month(month)).orElseGet(pages::dueMonth);
        model.addAttribute("month", m.toString());
        model.addAttribute("sheets", pages.sheets(user, m));
        model.addAttribute("center", PayChecks.isCenter(user));
        model.addAttribute("employers", user.acts(org.workstudy.identity.Role.EMPLOYER)
                ? user.activeScopeIds().stream().map(employers::find).flatMap(java.util.Optional::stream).toList()
                : java.util.List.of());
        if (!user.acts(org.workstudy.identity.Role.EMPLOYER)) {
            model.addAttribute("totals", pages.totals(user, m));
        }
        return "pay/sheets";
    }

    @PostMapping("/pay/sheets")
    String open(@RequestParam(name = "employerId", required = false) Long employerId,
            @RequestParam(name = "month", required = false) String month, RedirectAttributes redirect) {
        PayChecks.require(PayChecks.mayOpen(CurrentUser.require()));
        return Outcomes.attempt(() -> {
            if (employerId == null) {
                throw BusinessException.invalid("pay.employer-required");
            }
            return "redirect:/pay/sheets/" + pay.open(CurrentUser.require(), employerId, PayChecks.month(month));
        }, e -> {
            Outcomes.refused(redirect, e);
            return "redirect:/pay";
        });
    }

    @PostMapping("/pay/prepare")
    String prepare(@RequestParam(name = "month", required = false) String month, RedirectAttributes redirect) {
        PayChecks.require(PayChecks.isCenter(CurrentUser.require()));
        return Outcomes.attempt(() -> {
            YearMonth m = PayChecks.month(month);
            redirect.addFlashAttribute("prepared", pages.prepareAll(CurrentUser.require(), m));
            return "redirect:/pay?month=" + m;
        }, e -> {
            Outcomes.refused(redirect, e);
            return "redirect:/pay";
        });
    }

    @GetMapping("/pay/sheets/{sheetId}")
    String sheet(@PathVariable long sheetId, Model model) {
        CurrentUser user = CurrentUser.require();
        PaySheet sheet = pay.sheet(user, sheetId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("center", PayChecks.isCenter(user));
        model.addAttribute("employer", user.acts(org.workstudy.identity.Role.EMPLOYER));
        model.addAttribute("fullExport", PayChecks.fullCards(user, sheet));
        return "pay/sheet";
    }

    @PostMapping("/pay/sheets/{sheetId}/confirm")
    String confirm(@PathVariable long sheetId, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "pay.sheet.confirmed", () -> pay.confirm(CurrentUser.require(), sheetId));
        return "redirect:/pay/sheets/" + sheetId;
    }

    @PostMapping("/pay/sheets/{sheetId}/approve")
    String approve(@PathVariable long sheetId, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "pay.sheet.frozen", () -> pay.approve(CurrentUser.require(), sheetId));
        return "redirect:/pay/sheets/" + sheetId;
    }

    @PostMapping("/pay/sheets/{sheetId}/return")
    String giveBack(@PathVariable long sheetId, @RequestParam(name = "reason", required = false) String reason,
            RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "pay.sheet.returned",
                () -> pages.returnToEmployer(CurrentUser.require(), sheetId, reason));
        return "redirect:/pay/sheets/" + sheetId;
    }

    @GetMapping("/pay/sheets/{sheetId}/export")
    ResponseEntity<byte[]> export(@PathVariable long sheetId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PaySheet sheet = pages.export(CurrentUser.require(), sheetId, out);
        String name = "酬金表-" + sheet.employerName() + "-" + sheet.monthText() + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/pay/positions")
    String positions(Model model) {
        model.addAttribute("positions", pages.fixedPositions(CurrentUser.require()));
        return "pay/positions";
    }

    @PostMapping("/pay/positions/{positionId}/terms")
    String terms(@PathVariable long positionId,
            @RequestParam(name = "monthlyAmount", required = false) BigDecimal monthlyAmount,
            @RequestParam(name = "monthlyHours", required = false) BigDecimal monthlyHours,
            RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "pay.terms.saved",
                () -> pages.setTerms(CurrentUser.require(), positionId, monthlyAmount, monthlyHours));
        return "redirect:/pay/positions";
    }

    @GetMapping("/pay/my")
    String mine(Model model) {
        model.addAttribute("pay", pages.mine(CurrentUser.require()));
        return "pay/my";
    }

    @PostMapping("/pay/my/card")
    String card(@RequestParam(name = "bankName", required = false) String bankName,
            @RequestParam(name = "cardNo", required = false) String cardNo, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "pay.card.saved", () -> pay.saveCard(CurrentUser.require(), bankName, cardNo));
        return "redirect:/pay/my";
    }
}
