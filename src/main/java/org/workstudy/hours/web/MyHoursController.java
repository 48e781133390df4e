package org.workstudy.hours.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.hours.CountingSettings;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.ProgressOutlook;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** 我的勤工助学: a student's progress, chart, own records and the form to report own work. */
@Controller
class MyHoursController {

    private final HoursLedger ledger;
    private final LedgerPages pages;

    MyHoursController(HoursLedger ledger, LedgerPages pages) {
        this.ledger = ledger;
        this.pages = pages;
    }

    @GetMapping("/my/hours")
    String mine(Model model) {
        CurrentUser user = CurrentUser.require();
        long studentId = pages.studentIdOf(user).orElseThrow(BusinessException::forbidden);
        ProgressOutlook outlook = pages.outlook(user, studentId);
        Progress progress = outlook.progress();
        model.addAttribute("progress", progress);
        model.addAttribute("outlook", outlook);
        model.addAttribute("charts", ProgressChart.both(progress));
        model.addAttribute("records", ledger.ofStudent(user, studentId));
        model.addAttribute("sources", pages.sourcesOf(user, studentId));
        CountingSettings settings = ledger.settings(studentId);
        model.addAttribute("eveningFrom", settings.eveningFrom());
        model.addAttribute("perDay", settings.hoursPerDay().stripTrailingZeros().toPlainString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WorkRecordForm.empty());
        }
        return "hours/my";
    }

    @PostMapping("/my/hours")
    String report(@ModelAttribute WorkRecordForm form, BindingResult binding, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        long studentId = pages.studentIdOf(user).orElseThrow(BusinessException::forbidden);
        if (binding.hasErrors()) {
            Outcomes.refused(redirect, BusinessException.invalid("hours.form.invalid"));
        } else if (!Outcomes.attempt(redirect, "hours.reported", () -> ledger.record(user, form.toRecord(studentId)))) {
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/my/hours";
    }
}
