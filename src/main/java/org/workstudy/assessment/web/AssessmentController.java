package org.workstudy.assessment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.assessment.internal.AssessmentFigures;
import org.workstudy.assessment.internal.Assessments;
import org.workstudy.assessment.internal.CollegeReport;
import org.workstudy.assessment.internal.Metric;
import org.workstudy.assessment.internal.Ranked;
import org.workstudy.assessment.internal.Ranking;
import org.workstudy.assessment.internal.SubjectKind;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.web.Outcomes;

/**
 * The assessment pages: the rankings of a month or an academic year in the viewer's scope (with the definitions of
 * the metrics), their .xlsx, the printable monthly report of a college, and the deadline setting.
 */
@Controller
class AssessmentController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Assessments assessments;
    private final AssessmentFigures figures;
    private final AssessmentExport export;
    private final CollegeReportPdf pdf;
    private final PeriodNotes notes;

    AssessmentController(Assessments assessments, AssessmentFigures figures, AssessmentExport export,
            CollegeReportPdf pdf, PeriodNotes notes) {
        this.assessments = assessments;
        this.figures = figures;
        this.export = export;
        this.pdf = pdf;
        this.notes = notes;
    }

    @GetMapping("/assessment")
    String rankings(@RequestParam(required = false) String month, @RequestParam(required = false) String year,
            Locale locale, Model model) {
        CurrentUser user = CurrentUser.require();
        Assessments.requireReader(user);
        Ranking ranking = ranking(user, month, year);
        model.addAttribute("r", ranking);
        model.addAttribute("liveKept", notes.liveKept(ranking.computedAt(), locale));
        model.addAttribute("metrics", List.of(Metric.values()));
        model.addAttribute("personMetrics", personMetrics());
        model.addAttribute("months", figures.months().stream().map(YearMonth::toString).toList());
        model.addAttribute("years", years());
        model.addAttribute("current", figures.currentMonth().toString());
        model.addAttribute("query", ranking.month() != null ? "month=" + ranking.month()
                : "year=" + ranking.academicYear());
        model.addAttribute("mayEditSettings", Assessments.SETTERS.contains(user.activeRole()));
        model.addAttribute("days", assessments.handleWithinDays());
        return "assessment/rankings";
    }

    @GetMapping("/assessment/colleges.xlsx")
    void collegesXlsx(@RequestParam(required = false) String month, @RequestParam(required = false) String year,
            Locale locale, HttpServletResponse response) throws IOException {
        Ranking r = ranking(CurrentUser.require(), month, year);
        attach(response, "学院考核排名-" + period(r) + ".xlsx");
        List<Ranked> rows = new ArrayList<>();
        if (r.school() != null) {
            rows.add(r.school());
        }
        rows.addAll(r.colleges());
        export.write(response.getOutputStream(), locale, "学院", r, rows, List.of(Metric.values()));
    }

    @GetMapping("/assessment/counselors.xlsx")
    void counselorsXlsx(@RequestParam(required = false) String month, @RequestParam(required = false) String year,
            Locale locale, HttpServletResponse response) throws IOException {
        Ranking r = ranking(CurrentUser.require(), month, year);
        attach(response, "辅导员考核排名-" + period(r) + ".xlsx");
        export.write(response.getOutputStream(), locale, "辅导员", r, r.counselors(), personMetrics());
    }

    @GetMapping("/assessment/classes.xlsx")
    void classesXlsx(@RequestParam(required = false) String month, @RequestParam(required = false) String year,
            Locale locale, HttpServletResponse response) throws IOException {
        Ranking r = ranking(CurrentUser.require(), month, year);
        attach(response, "班级考核排名-" + period(r) + ".xlsx");
        export.write(response.getOutputStream(), locale, "班级", r, r.classes(), personMetrics());
    }

    @GetMapping("/assessment/colleges/{id}/report")
    String report(@PathVariable long id, @RequestParam(required = false) String month, Locale locale,
            Model model) {
        CurrentUser user = CurrentUser.require();
        Assessments.requireCollegeReader(user, id); // scope before what was typed
        YearMonth m = month == null || month.isBlank() ? figures.currentMonth().minusMonths(1)
                : figures.parseMonth(month, "month");
        CollegeReport report = assessments.college(user, id, m);
        model.addAttribute("report", report);
        model.addAttribute("liveKept", notes.liveKept(report.computedAt(), locale));
        model.addAttribute("metrics", List.of(Metric.values()));
        model.addAttribute("personMetrics", personMetrics());
        model.addAttribute("year", AssessmentFigures.academicYearOf(m));
        model.addAttribute("pdfAvailable", pdf.available());
        model.addAttribute("collegeId", id);
        return "assessment/report";
    }

    /** The same report as an A4 PDF; without a CJK font on the server, the printable page instead. */
    @GetMapping("/assessment/colleges/{id}/report.pdf")
    String reportPdf(@PathVariable long id, @RequestParam(required = false) String month, Locale locale,
            HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        Assessments.requireCollegeReader(user, id); // scope before what was typed
        YearMonth m = month == null || month.isBlank() ? figures.currentMonth().minusMonths(1)
                : figures.parseMonth(month, "month");
        CollegeReport report = assessments.college(user, id, m);
        if (!pdf.available()) {
            return "redirect:/assessment/colleges/" + id + "/report?month=" + m;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(("学院月度考核报告-" + report.college().name() + "-" + m + ".pdf")
                        .replaceAll("[\\\\/:*?\"<>|\\s]+", ""), StandardCharsets.UTF_8).build().toString());
        response.setHeader("Cache-Control", "no-store");
        pdf.write(report, AssessmentFigures.academicYearOf(m), List.of(Metric.values()), personMetrics(), locale,
                response.getOutputStream());
        return null;
    }

    @PostMapping("/assessment/settings")
    String settings(@RequestParam(required = false) Integer handleWithinDays, RedirectAttributes flash) {
        CurrentUser user = CurrentUser.require();
        Outcomes.attempt(flash, "asm.settings.saved", () -> assessments.setHandleWithinDays(user, handleWithinDays));
        return "redirect:/assessment";
    }

    private Ranking ranking(CurrentUser user, String month, String year) {
        Assessments.requireReader(user);
        if (year != null && !year.isBlank() && (month == null || month.isBlank())) {
            return assessments.year(user, figures.parseYear(year, "year"));
        }
        YearMonth m = month == null || month.isBlank() ? figures.currentMonth() : figures.parseMonth(month, "month");
        return assessments.month(user, m);
    }

    private static String period(Ranking r) {
        return r.month() != null ? r.month() : r.academicYear();
    }

    private List<String> years() {
        int start = Integer.parseInt(AssessmentFigures.academicYearOf(figures.currentMonth()).substring(0, 4));
        List<String> out = new ArrayList<>();
        for (int y = start; y >= start - 3; y--) {
            out.add(y + "-" + (y + 1));
        }
        return out;
    }

    /** The metrics measured for counselors and classes (the plans are the colleges' and the school's). */
    static List<Metric> personMetrics() {
        return java.util.Arrays.stream(Metric.values()).filter(m -> m.appliesTo(SubjectKind.COUNSELOR)).toList();
    }

    static void attach(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
