package org.workstudy.awards.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.awards.AwardCategory;
import org.workstudy.awards.AwardRecordForm;
import org.workstudy.awards.AwardRecords;
import org.workstudy.awards.internal.AwardExport;
import org.workstudy.awards.internal.AwardLines.AwardList;
import org.workstudy.awards.internal.AwardLists;
import org.workstudy.awards.internal.AwardSettings;
import org.workstudy.awards.internal.ThresholdForm;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.College;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.StudentScope;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.shared.web.Outcomes;

/**
 * 评先评优: the three lists of a year with their reasons and what the ones just below lack, each as .xlsx; the
 * threshold versions (the center director adds one); rewards and penalties (the center records them, everyone reads
 * those in their scope, a student their own).
 */
@Controller
class AwardsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Lines shown per list on the page; the .xlsx holds all. */
    static final int SHOWN = 50;

    private final AwardLists lists;
    private final AwardExport export;
    private final AwardSettings settings;
    private final AwardRecords records;
    private final Organization organization;
    private final DataScope scope;

    AwardsController(AwardLists lists, AwardExport export, AwardSettings settings, AwardRecords records,
            Organization organization, DataScope scope) {
        this.lists = lists;
        this.export = export;
        this.settings = settings;
        this.records = records;
        this.organization = organization;
        this.scope = scope;
    }

    @GetMapping("/awards")
    String lists(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Long collegeId, Locale locale, Model model) {
        CurrentUser user = CurrentUser.require();
        AwardLists.requireReader(user);
        StatsFilter filter = lists.filter(academicYear, collegeId);
        model.addAttribute("classes", lists.classes(user, filter, locale));
        model.addAttribute("counselors", lists.counselors(user, filter, locale));
        model.addAttribute("students", lists.students(user, filter, locale));
        model.addAttribute("filter", filter);
        model.addAttribute("years", years(filter));
        model.addAttribute("colleges", colleges(user));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("query", "academicYear=" + filter.academicYear()
                + (filter.collegeId() == null ? "" : "&collegeId=" + filter.collegeId()));
        model.addAttribute("director", AwardSettings.EDITORS.contains(user.activeRole()));
        return "awards/list";
    }

    @GetMapping("/awards/students.xlsx")
    void studentsXlsx(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Long collegeId, Locale locale, HttpServletResponse response)
            throws IOException {
        download(new ListQuery(academicYear, collegeId, locale), "评优学生", lists::students, export::students, response);
    }

    @GetMapping("/awards/classes.xlsx")
    void classesXlsx(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Long collegeId, Locale locale, HttpServletResponse response)
            throws IOException {
        download(new ListQuery(academicYear, collegeId, locale), "评优班级团支部", lists::classes, export::classes,
                response);
    }

    @GetMapping("/awards/counselors.xlsx")
    void counselorsXlsx(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Long collegeId, Locale locale, HttpServletResponse response)
            throws IOException {
        download(new ListQuery(academicYear, collegeId, locale), "评优辅导员", lists::counselors, export::counselors,
                response);
    }

    /** What a download was asked for. */
    private record ListQuery(String academicYear, Long collegeId, Locale locale) {
    }

    /** One of {@link AwardLists}' three lists. */
    private interface ListRead<T> {
        AwardList<T> read(CurrentUser user, StatsFilter filter, Locale locale);
    }

    /** One of {@link AwardExport}'s three sheets. */
    private interface SheetWrite<T> {
        void write(AwardList<T> list, Locale locale, OutputStream out);
    }

    /** Reads the list first (scope and filter are checked before the file starts), then sends it as .xlsx. */
    private <T> void download(ListQuery query, String fileTitle, ListRead<T> read, SheetWrite<T> write,
            HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        AwardLists.requireReader(user);
        StatsFilter filter = lists.filter(query.academicYear(), query.collegeId());
        AwardList<T> list = read.read(user, filter, query.locale());
        attach(response, fileTitle + "-" + filter.academicYear() + ".xlsx");
        write.write(list, query.locale(), response.getOutputStream());
    }

    @GetMapping("/awards/settings")
    String settings(Model model) {
        AwardSettings.requireEditor(CurrentUser.require());
        return settingsPage(model, values(ThresholdForm.copyOf(settings.newest(), settings.today().plusDays(1))));
    }

    @PostMapping("/awards/settings")
    String addVersion(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        AwardSettings.requireEditor(user);
        ThresholdForm form = new ThresholdForm(params.get("effectiveFrom"), params.get("studentYearHours"),
                params.get("studentOnTrackSuffices"), params.get("classOnTrackPercent"),
                params.get("counselorOnTrackPercent"), params.get("confirmDeadlineDays"),
                params.get("confirmOnTimePercent"), params.get("nearHours"), params.get("nearPercent"),
                params.get("note"));
        return Outcomes.attempt(() -> {
            settings.create(user, form);
            redirect.addFlashAttribute("flash", "awards.settings.created");
            return "redirect:/awards/settings";
        }, e -> {
            Outcomes.refused(model, e);
            return settingsPage(model, params);
        });
    }

    @GetMapping("/awards/records")
    String records(@RequestParam(required = false) String studentNo, Model model) {
        CurrentUser user = CurrentUser.require();
        AwardRecords.requireReader(user);
        return recordsPage(user, studentNo, model, Map.of());
    }

    @PostMapping("/awards/records")
    String addRecord(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        if (!AwardRecords.mayWrite(user)) {
            throw org.workstudy.shared.BusinessException.forbidden();
        }
        AwardRecordForm form = new AwardRecordForm(params.get("studentNo"), params.get("category"),
                params.get("reason"), params.get("decidedOn"), params.get("validUntil"));
        return Outcomes.attempt(() -> {
            records.record(user, form);
            redirect.addFlashAttribute("flash", "awards.record.created");
            return "redirect:/awards/records";
        }, e -> {
            Outcomes.shown(model, e);
            return recordsPage(user, null, model, params);
        });
    }

    /** 撤销: the reason (or the refusal) is shown on the records page; another college's record is "not found". */
    @PostMapping("/awards/records/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        Outcomes.attempt(redirect, "awards.revoke.done", () -> records.revoke(user, id, reason));
        return "redirect:/awards/records";
    }

    private String recordsPage(CurrentUser user, String studentNo, Model model, Map<String, String> values) {
        model.addAttribute("records", records.inScope(user, studentNo));
        model.addAttribute("studentNo", studentNo == null ? "" : studentNo);
        model.addAttribute("writer", AwardRecords.mayWrite(user));
        model.addAttribute("student", user.acts(Role.STUDENT));
        model.addAttribute("categories", AwardCategory.values());
        model.addAttribute("values", values);
        model.addAttribute("today", settings.today());
        return "awards/records";
    }

    private String settingsPage(Model model, Map<String, String> values) {
        model.addAttribute("values", values);
        model.addAttribute("versions", settings.versions());
        model.addAttribute("today", settings.today());
        return "awards/settings";
    }

    private static Map<String, String> values(ThresholdForm f) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("effectiveFrom", f.effectiveFrom());
        out.put("studentYearHours", f.studentYearHours());
        out.put("studentOnTrackSuffices", f.studentOnTrackSuffices());
        out.put("classOnTrackPercent", f.classOnTrackPercent());
        out.put("counselorOnTrackPercent", f.counselorOnTrackPercent());
        out.put("confirmDeadlineDays", f.confirmDeadlineDays());
        out.put("confirmOnTimePercent", f.confirmOnTimePercent());
        out.put("nearHours", f.nearHours());
        out.put("nearPercent", f.nearPercent());
        out.put("note", f.note());
        return out;
    }

    private List<College> colleges(CurrentUser user) {
        StudentScope s = scope.studentsOf(user);
        return organization.colleges().stream().filter(c -> s.coversCollege(c.id())).toList();
    }

    private List<String> years(StatsFilter filter) {
        return filter.yearChoices(lists.currentYear());
    }

    private static void attach(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
