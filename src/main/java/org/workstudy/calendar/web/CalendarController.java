package org.workstudy.calendar.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.SpecialDayKind;
import org.workstudy.calendar.Term;
import org.workstudy.calendar.internal.DayInfo;
import org.workstudy.calendar.internal.TermForm;
import org.workstudy.calendar.internal.Vacation;
import org.workstudy.calendar.internal.YearImport;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;
import org.workstudy.shared.TermCode;
import org.workstudy.shared.web.Outcomes;

/**
 * The calendar page: administrators edit it under /admin/calendar (URL rule: ADMIN only, see SecurityConfig), every
 * staff role reads it at /calendar. One template serves both, and the date checker's htmx partial.
 */
@Controller
class CalendarController {

    private static final String PAGE = "calendar/calendar";
    private static final String ADMIN = "/admin/calendar";

    private final AcademicCalendar calendar;
    private final YearImport yearImport;
    private final Clock clock;

    CalendarController(AcademicCalendar calendar, YearImport yearImport, Clock clock) {
        this.calendar = calendar;
        this.yearImport = yearImport;
        this.clock = clock;
    }

    /** A term with the vacation after it, for the table. */
    record TermRow(Term term, Vacation vacation, boolean current) {
    }

    /**
     * The term form as typed: empty fields are refused here, on the form, next to the field; the rules of a term
     * (code, dates, order) are the calendar's. Shown again after a refusal (flash attributes must be serialisable).
     */
    record TermFormView(Long id, @NotBlank(message = "{calendar.term.code.required}") String code,
            @NotBlank(message = "{calendar.term.starts-on.required}") String startsOn,
            @NotBlank(message = "{calendar.term.ends-on.required}") String endsOn) implements Serializable {
    }

    /** The checker's answer. */
    record CheckResult(DayInfo day, String enrolmentTerm, Integer semester) {
    }

    @GetMapping("/calendar")
    String view(@RequestParam(required = false) String year, Model model) {
        requireStaff();
        fill(model, year, false, null);
        return PAGE;
    }

    @GetMapping(ADMIN)
    String admin(@RequestParam(required = false) String year, @RequestParam(required = false) Long edit, Model model) {
        fill(model, year, true, edit);
        return PAGE;
    }

    @GetMapping("/calendar/check")
    String check(@RequestParam(required = false) String date, @RequestParam(required = false) String enrolmentTerm,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        requireStaff();
        Outcomes.attempt(() -> {
            LocalDate day = DateParam.parse(date);
            String term = enrolmentTerm == null || enrolmentTerm.isBlank() ? null : enrolmentTerm.trim();
            Integer semester = null;
            if (term != null) {
                OptionalInt n = calendar.semesterOf(TermCode.parse(term), day);
                semester = n.isPresent() ? n.getAsInt() : null;
            }
            model.addAttribute("check", new CheckResult(calendar.describe(day), term, semester));
            return PAGE;
        }, e -> {
            // the checker shows its reason in its own box, not the page's
            model.addAttribute("checkErrorKey", e.messageKey());
            model.addAttribute("checkErrorArgs", e.args());
            return PAGE;
        });
        if (htmx != null) {
            return PAGE + " :: checker-result";
        }
        boolean admin = CurrentUser.require().acts(Role.ADMIN);
        fill(model, null, admin, null);
        return PAGE;
    }

    @PostMapping(ADMIN + "/terms")
    String saveTerm(@Valid @ModelAttribute("termForm") TermFormView form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            fill(model, null, true, form.id());
            return PAGE;
        }
        return Outcomes.attempt(() -> {
            calendar.saveTerm(new TermForm(form.id(), form.code(), DateParam.parseOptional(form.startsOn()),
                    DateParam.parseOptional(form.endsOn())));
            redirect.addFlashAttribute("flash", "action.saved");
            return "redirect:" + ADMIN;
        }, e -> {
            Outcomes.shown(redirect, e);
            redirect.addFlashAttribute("termForm", form);
            return "redirect:" + ADMIN + (form.id() == null ? "" : "?edit=" + form.id());
        });
    }

    @PostMapping(ADMIN + "/terms/{id}/delete")
    String deleteTerm(@PathVariable long id, RedirectAttributes redirect) {
        return Outcomes.attempt(() -> {
            calendar.deleteTerm(id);
            redirect.addFlashAttribute("flash", "calendar.term.deleted");
            return "redirect:" + ADMIN;
        }, e -> {
            Outcomes.shown(redirect, e);
            return "redirect:" + ADMIN;
        });
    }

    @PostMapping(ADMIN + "/special-days")
    String addSpecialDay(@RequestParam(defaultValue = "") String date, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        String back = "redirect:" + ADMIN + yearOf(date);
        return Outcomes.attempt(() -> {
            LocalDate day = DateParam.parse(date);
            SpecialDayKind k = kind == null ? null : Arrays.stream(SpecialDayKind.values())
                    .filter(v -> v.name().equals(kind)).findFirst().orElse(null);
            calendar.addSpecialDay(day, k, name);
            redirect.addFlashAttribute("flash", "action.saved");
            return back;
        }, e -> {
            Outcomes.shown(redirect, e);
            redirect.addFlashAttribute("specialName", name);
            redirect.addFlashAttribute("specialDate", date);
            return back;
        });
    }

    @PostMapping(ADMIN + "/special-days/{date}/delete")
    String removeSpecialDay(@PathVariable String date, RedirectAttributes redirect) {
        String back = "redirect:" + ADMIN + yearOf(date);
        return Outcomes.attempt(() -> {
            calendar.removeSpecialDay(DateParam.parse(date));
            redirect.addFlashAttribute("flash", "calendar.special.removed");
            return back;
        }, e -> {
            Outcomes.shown(redirect, e);
            return back;
        });
    }

    @GetMapping(ADMIN + "/years/{year}/template")
    void template(@PathVariable String year, HttpServletResponse response) throws IOException {
        int y = year(year);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(y + "年节假日安排.xlsx", StandardCharsets.UTF_8).build().toString());
        yearImport.writeTemplate(y, response.getOutputStream());
    }

    /** All or nothing: a refused file shows its problems by row on the page, and nothing changes. */
    @PostMapping(ADMIN + "/years/{year}/import")
    String importYear(@PathVariable String year, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        int y = year(year);
        YearImport.Result result;
        if (file == null || file.isEmpty()) {
            result = new YearImport.Result(List.of(RowError.ofFile("calendar.import.error.choose-file")), 0, 0);
        } else {
            try (var in = file.getInputStream()) {
                result = yearImport.importYear(y, in);
            }
        }
        if (!result.ok()) {
            response.setStatus(422);
            model.addAttribute("importErrors", result.errors());
            fill(model, String.valueOf(y), true, null);
            return PAGE;
        }
        redirect.addFlashAttribute("noticeKey", "calendar.import.done");
        redirect.addFlashAttribute("noticeArgs", new String[] {String.valueOf(y), String.valueOf(result.holidays()),
                String.valueOf(result.makeUpWorkdays())});
        return "redirect:" + ADMIN + "?year=" + y;
    }

    @PostMapping(ADMIN + "/standard")
    String loadStandard(@RequestParam(defaultValue = "") String fromYear, @RequestParam(defaultValue = "") String toYear,
            RedirectAttributes redirect) {
        return Outcomes.attempt(() -> {
            int from = year(fromYear);
            int to = year(toYear);
            if (to < from || to - from > 10) {
                throw BusinessException.invalid("calendar.seed.range");
            }
            AcademicCalendar.SeedResult result = calendar.loadStandardCalendar(from, to);
            redirect.addFlashAttribute("noticeKey", "calendar.seed.done");
            redirect.addFlashAttribute("noticeArgs", new String[] {String.valueOf(result.terms()),
                    String.valueOf(result.specialDays())});
            return "redirect:" + ADMIN;
        }, e -> {
            Outcomes.shown(redirect, e);
            return "redirect:" + ADMIN;
        });
    }

    private void fill(Model model, String yearText, boolean editable, Long edit) {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        if (yearText != null && !yearText.isBlank()) {
            year = Outcomes.attempt(model, () -> year(yearText)).orElse(year);
        }
        List<Term> terms = calendar.terms();
        CalendarSnapshot fresh = new CalendarSnapshot(terms, List.of());
        model.addAttribute("terms", terms.stream().map(t -> new TermRow(t, fresh.vacationAfter(t).orElse(null),
                fresh.periodTermOf(today).map(p -> p.id() == t.id()).orElse(false))).toList());
        model.addAttribute("year", year);
        model.addAttribute("specialDays", calendar.specialDays(year));
        model.addAttribute("specialKinds", SpecialDayKind.values());
        java.util.Set<Integer> published = calendar.publishedYears();
        model.addAttribute("yearPublished", published.contains(year));
        model.addAttribute("provisionalYears", terms.isEmpty() ? List.of()
                : java.util.stream.IntStream.rangeClosed(terms.get(0).startsOn().getYear(),
                        terms.get(terms.size() - 1).endsOn().getYear())
                        .filter(y -> !published.contains(y)).boxed().toList());
        model.addAttribute("editable", editable);
        model.addAttribute("base", editable ? ADMIN : "/calendar");
        model.addAttribute("today", today);
        if (editable && !model.containsAttribute("termForm")) {
            Term editing = edit == null ? null : terms.stream().filter(t -> t.id() == edit).findFirst().orElse(null);
            model.addAttribute("termForm", editing == null ? new TermFormView(null, "", "", "")
                    : new TermFormView(editing.id(), editing.code().toString(), editing.startsOn().toString(),
                            editing.endsOn().toString()));
        }
    }

    private static int year(String text) {
        try {
            int y = Integer.parseInt(text.trim());
            if (y >= 1990 && y <= 2200) {
                return y;
            }
        } catch (NumberFormatException e) {
            // the message below says what a year looks like
        }
        throw BusinessException.invalid("calendar.year.invalid", text);
    }

    /** {@code ?year=} of the date's year, to go back to it; nothing when the date cannot be read. */
    private static String yearOf(String date) {
        return DateParam.read(date).map(d -> "?year=" + d.getYear()).orElse("");
    }

    private static void requireStaff() {
        if (!Role.staffRoles().contains(CurrentUser.require().activeRole())) {
            throw BusinessException.forbidden();
        }
    }
}
