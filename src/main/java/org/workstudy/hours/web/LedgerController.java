package org.workstudy.hours.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.CountingSettings;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * The register (登记本) for counselors and employers: class progress, a student's ledger with record / confirm /
 * reject / correct / void, the confirmations waiting, and (employers) the students placed on their positions.
 */
@Controller
class LedgerController {

    private final HoursLedger ledger;
    private final LedgerPages pages;
    private final Organization organization;
    private final DataScope scope;
    private final Roster roster;
    private final PositionBank positions;
    private final Placements placements;

    LedgerController(HoursLedger ledger, LedgerPages pages, Organization organization, DataScope scope, Roster roster,
            PositionBank positions, Placements placements) {
        this.ledger = ledger;
        this.pages = pages;
        this.organization = organization;
        this.scope = scope;
        this.roster = roster;
        this.positions = positions;
        this.placements = placements;
    }

    @GetMapping("/hours/classes")
    String classes(Model model) {
        CurrentUser user = staff();
        model.addAttribute("classes", organization.classes(scope.studentsOf(user), null, null));
        return "hours/classes";
    }

    @GetMapping("/hours/classes/{id:\\d+}")
    String classProgress(@PathVariable long id, @RequestParam(defaultValue = "behind") String sort, Model model) {
        CurrentUser user = staff();
        List<ClassProgressRow> rows = new ArrayList<>(ledger.classProgress(user, id));
        Comparator<ClassProgressRow> byNo = Comparator.comparing(ClassProgressRow::studentNo);
        rows.sort(switch (sort) {
            case "hours" -> Comparator.comparing(ClassProgressRow::hours).thenComparing(byNo);
            case "hours-desc" -> Comparator.comparing(ClassProgressRow::hours).reversed().thenComparing(byNo);
            case "no" -> byNo;
            case "name" -> Comparator.comparing(ClassProgressRow::name).thenComparing(byNo);
            default -> Comparator.comparing((ClassProgressRow r) -> !r.behind())
                    .thenComparing(ClassProgressRow::hours).thenComparing(byNo);
        });
        model.addAttribute("schoolClass", organization.schoolClass(id).orElseThrow());
        model.addAttribute("rows", rows);
        model.addAttribute("sort", sort);
        model.addAttribute("behind", rows.stream().filter(ClassProgressRow::behind).count());
        return "hours/class";
    }

    @GetMapping("/hours/students/{id:\\d+}")
    String student(@PathVariable long id, Model model) {
        CurrentUser user = staff();
        List<WorkRecordView> records = ledger.ofStudent(user, id);
        model.addAttribute("student", roster.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found")));
        model.addAttribute("records", records);
        model.addAttribute("employerView", user.acts(Role.EMPLOYER));
        model.addAttribute("sources", pages.sourcesOf(user, id));
        CountingSettings settings = ledger.settings(id);
        model.addAttribute("eveningFrom", settings.eveningFrom());
        model.addAttribute("perDay", settings.hoursPerDay().stripTrailingZeros().toPlainString());
        if (user.acts(Role.COUNSELOR)) {
            model.addAttribute("progress", pages.progress(user, id));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WorkRecordForm.empty());
        }
        return "hours/student";
    }

    @PostMapping("/hours/students/{id:\\d+}/records")
    String record(@PathVariable long id, @ModelAttribute WorkRecordForm form, BindingResult binding,
            RedirectAttributes redirect) {
        CurrentUser user = staff();
        pages.requireReadable(user, id);
        if (binding.hasErrors()) {
            Outcomes.refused(redirect, BusinessException.invalid("hours.form.invalid"));
        } else if (!Outcomes.attempt(redirect, "hours.recorded", () -> ledger.record(user, form.toRecord(id)))) {
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/hours/students/" + id;
    }

    @PostMapping("/hours/entries/{id:\\d+}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "hours.confirmed", () -> ledger.confirm(staff(), id));
        return "redirect:" + Flash.back(back, "/hours/pending");
    }

    @PostMapping("/hours/entries/{id:\\d+}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "hours.rejected", () -> ledger.reject(staff(), id, reason));
        return "redirect:" + Flash.back(back, "/hours/pending");
    }

    @PostMapping("/hours/entries/{id:\\d+}/correct")
    String correct(@PathVariable long id, @ModelAttribute WorkRecordForm form, BindingResult binding,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        pages.requireEntryInReach(staff(), id);
        if (binding.hasErrors()) {
            Outcomes.refused(redirect, BusinessException.invalid("hours.form.invalid"));
        } else {
            Outcomes.attempt(redirect, "hours.corrected", () -> ledger.correct(staff(), id,
                    form.source() == null || form.source().isBlank()
                            ? new org.workstudy.hours.NewWorkRecord(0, null, 0, form.workDate(), form.startsAt(),
                                    form.endsAt(), form.hours(), form.content())
                            : form.toRecord(0), form.reason()));
        }
        return "redirect:" + Flash.back(back, "/hours/pending");
    }

    @PostMapping("/hours/entries/{id:\\d+}/void")
    String voidEntry(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "hours.voided", () -> ledger.voidEntry(staff(), id, reason));
        return "redirect:" + Flash.back(back, "/hours/pending");
    }

    @GetMapping("/hours/pending")
    String pending(Model model) {
        model.addAttribute("records", ledger.pendingConfirmations(staff()));
        return "hours/pending";
    }

    /** Employers: the students placed on their positions, to record their hours. */
    @GetMapping("/hours/placed")
    String placed(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        List<PlacementView> placed = new ArrayList<>();
        for (long employer : user.activeScopeIds()) {
            for (PositionView p : positions.search(new PositionQuery(null, null, null, null, employer, null, null,
                    null, null), 0, 200).items()) {
                placed.addAll(placements.ofPosition(user, p.id()));
            }
        }
        model.addAttribute("placements", placed);
        return "hours/placed";
    }

    private static CurrentUser staff() {
        CurrentUser user = CurrentUser.require();
        if (!user.acts(Role.COUNSELOR) && !user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        return user;
    }
}
