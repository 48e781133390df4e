package org.workstudy.statistics.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.CurrentUser;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.statistics.internal.Dashboard;
import org.workstudy.statistics.internal.PlacementDrill;
import org.workstudy.statistics.internal.StatisticsExport;
import org.workstudy.statistics.internal.StatisticsPages;
import org.workstudy.statistics.internal.StudentDrill;
import org.workstudy.statistics.internal.TimeOfWork;

import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics pages: the dashboard of the user's scope (school, college, classes or self) with its charts, and
 * the lists behind every figure with their .xlsx. The charts are drawn by {@code /js/stats.js} from the
 * {@code data-chart} attribute (no inline script); each point carries the address of its list.
 */
@Controller
class StatisticsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 50;

    private final StatisticsPages pages;
    private final StatisticsExport export;
    private final MessageSource messages;

    StatisticsController(StatisticsPages pages, StatisticsExport export, MessageSource messages) {
        this.pages = pages;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/stats")
    String dashboard(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            Locale locale, Model model) {
        CurrentUser user = CurrentUser.require();
        StatsFilter filter = filter(academicYear, cohort, collegeId, majorId, classId);
        Dashboard d = pages.dashboard(user, filter);
        model.addAttribute("d", d);
        model.addAttribute("filter", filter);
        model.addAttribute("choices", pages.choices(user, filter));
        model.addAttribute("years", years(filter));
        model.addAttribute("charts", charts(d, filter, locale));
        model.addAttribute("base", query("/stats/students", filter).toUriString());
        model.addAttribute("placementBase", query("/stats/placements", filter).toUriString());
        return "statistics/dashboard";
    }

    @GetMapping("/stats/students")
    String students(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String standing, @RequestParam(required = false) String month,
            @RequestParam(required = false) TimeOfWork time, @RequestParam(required = false) SourceKind source,
            @RequestParam(required = false) String credit, @RequestParam(defaultValue = "false") boolean yearHours,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUser.require();
        StatsFilter filter = filter(academicYear, cohort, collegeId, majorId, classId);
        StudentDrill drill = new StudentDrill(standing, month, time, source, credit, yearHours);
        UriComponentsBuilder self = query("/stats/students", filter).queryParamIfPresent("standing",
                        java.util.Optional.of(drill.standing()))
                .queryParamIfPresent("month", java.util.Optional.ofNullable(drill.month()))
                .queryParamIfPresent("time", java.util.Optional.ofNullable(drill.time()))
                .queryParamIfPresent("source", java.util.Optional.ofNullable(drill.source()))
                .queryParamIfPresent("credit", java.util.Optional.ofNullable(drill.credit()))
                .queryParamIfPresent("yearHours", java.util.Optional.ofNullable(drill.yearHours() ? "true" : null));
        model.addAttribute("result", pages.students(user, filter, drill, page, PAGE));
        model.addAttribute("filter", filter);
        model.addAttribute("drill", drill);
        model.addAttribute("back", query("/stats", filter).toUriString());
        model.addAttribute("xlsx", self.cloneBuilder().replacePath("/stats/students.xlsx").toUriString());
        model.addAttribute("pageUrl", self.toUriString() + "&page=");
        return "statistics/students";
    }

    @GetMapping("/stats/students.xlsx")
    void studentsXlsx(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String standing, @RequestParam(required = false) String month,
            @RequestParam(required = false) TimeOfWork time, @RequestParam(required = false) SourceKind source,
            @RequestParam(required = false) String credit, @RequestParam(defaultValue = "false") boolean yearHours,
            Locale locale, HttpServletResponse response)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        StatsFilter filter = filter(academicYear, cohort, collegeId, majorId, classId);
        StudentDrill drill = new StudentDrill(standing, month, time, source, credit, yearHours);
        pages.students(user, filter, drill, 0, 1); // scope and filter checked before the file starts
        attach(response, "统计名单-" + filter.academicYear() + ".xlsx");
        export.students(user, filter, drill, locale, response.getOutputStream());
    }

    @GetMapping("/stats/placements")
    String placements(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String type, @RequestParam(required = false) String bank,
            @RequestParam(required = false) Boolean onCampus, @RequestParam(required = false) Long employerId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUser.require();
        StatsFilter filter = filter(academicYear, cohort, collegeId, majorId, classId);
        PlacementDrill drill = new PlacementDrill(type, bank, onCampus, employerId);
        UriComponentsBuilder self = query("/stats/placements", filter)
                .queryParamIfPresent("type", java.util.Optional.ofNullable(drill.type()))
                .queryParamIfPresent("bank", java.util.Optional.ofNullable(drill.bank()))
                .queryParamIfPresent("onCampus", java.util.Optional.ofNullable(drill.onCampus()))
                .queryParamIfPresent("employerId", java.util.Optional.ofNullable(drill.employerId()));
        model.addAttribute("result", pages.placements(user, filter, drill, page, PAGE));
        model.addAttribute("filter", filter);
        model.addAttribute("drill", drill);
        model.addAttribute("back", query("/stats", filter).toUriString());
        model.addAttribute("xlsx", self.cloneBuilder().replacePath("/stats/placements.xlsx").toUriString());
        model.addAttribute("pageUrl", self.toUriString() + "&page=");
        return "statistics/placements";
    }

    @GetMapping("/stats/placements.xlsx")
    void placementsXlsx(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long majorId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String type, @RequestParam(required = false) String bank,
            @RequestParam(required = false) Boolean onCampus, @RequestParam(required = false) Long employerId,
            Locale locale, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        StatsFilter filter = filter(academicYear, cohort, collegeId, majorId, classId);
        PlacementDrill drill = new PlacementDrill(type, bank, onCampus, employerId);
        pages.placements(user, filter, drill, 0, 1);
        attach(response, "岗位安排-" + filter.academicYear() + ".xlsx");
        export.placements(user, filter, drill, locale, response.getOutputStream());
    }

    private StatsFilter filter(String year, Integer cohort, Long collegeId, Long majorId, Long classId) {
        pages.requireReader(CurrentUser.require());
        return new StatsFilter(year == null || year.isBlank() ? pages.currentYear() : year, cohort, collegeId,
                majorId, classId);
    }

    private List<String> years(StatsFilter filter) {
        return filter.yearChoices(pages.currentYear());
    }

    private static UriComponentsBuilder query(String path, StatsFilter f) {
        return UriComponentsBuilder.fromPath(path).queryParam("academicYear", f.academicYear())
                .queryParamIfPresent("cohort", java.util.Optional.ofNullable(f.cohort()))
                .queryParamIfPresent("collegeId", java.util.Optional.ofNullable(f.collegeId()))
                .queryParamIfPresent("majorId", java.util.Optional.ofNullable(f.majorId()))
                .queryParamIfPresent("classId", java.util.Optional.ofNullable(f.classId()));
    }

    // ================================================================== chart data (read by /js/stats.js)

    private Map<String, String> charts(Dashboard d, StatsFilter f, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("byCollege", groups(d.byCollege(), g -> query("/stats/students", f.withCollege(g.id())), locale));
        out.put("byMajor", groups(d.byMajor(), g -> query("/stats/students",
                new StatsFilter(f.academicYear(), f.cohort(), f.collegeId(), g.id(), f.classId())), locale));
        out.put("byClass", groups(d.byClass(), g -> query("/stats/students",
                new StatsFilter(f.academicYear(), f.cohort(), f.collegeId(), f.majorId(), g.id())), locale));
        out.put("byCohort", groups(d.byCohort(), g -> query("/stats/students",
                new StatsFilter(f.academicYear(), (int) g.id(), f.collegeId(), f.majorId(), f.classId())), locale));
        out.put("months", months(d, f, locale));
        out.put("byTime", pie(d.hoursByTime(), c -> msg("stats.time." + c.key(), locale),
                c -> query("/stats/students", f).queryParam("time", c.key())));
        out.put("bySource", pie(d.hoursBySource(), c -> msg("stats.source." + c.key(), locale),
                c -> query("/stats/students", f).queryParam("source", c.key())));
        out.put("byType", bar(d.placementsByType(), c -> msg("stats.type." + c.key(), locale),
                c -> query("/stats/placements", f).queryParam("type", c.key()), msg("stats.unit.placements", locale)));
        out.put("byCampus", pie(d.placementsByCampus(), c -> msg("stats.campus." + c.key(), locale),
                c -> query("/stats/placements", f).queryParam("onCampus", c.key())));
        out.put("byBank", pie(d.placementsByBank(), c -> msg("stats.bank." + c.key(), locale),
                c -> query("/stats/placements", f).queryParam("bank", c.key())));
        out.put("byEmployer", bar(d.placementsByEmployer(), Dashboard.Count::name,
                c -> query("/stats/placements", f).queryParam("employerId", c.key()),
                msg("stats.unit.placements", locale)));
        out.put("credits", bar(d.credits(), c -> msg("stats.credit." + c.key(), locale),
                c -> query("/stats/students", f).queryParam("credit", c.key()).queryParam("standing", "all"),
                msg("stats.unit.students", locale)));
        return out;
    }

    private String groups(List<Dashboard.Group> groups, Function<Dashboard.Group, UriComponentsBuilder> link,
            Locale locale) {
        List<String> names = groups.stream().map(Dashboard.Group::name).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("percent", true);
        chart.put("categories", names);
        chart.put("series", List.of(
                series(msg("stats.rate.completed", locale), groups.stream().map(g -> g.completionRate()).toList(),
                        groups.stream().map(g -> link.apply(g).queryParam("standing", "completed").toUriString())
                                .toList()),
                series(msg("stats.rate.on-track", locale), groups.stream().map(g -> g.onTrackRate()).toList(),
                        groups.stream().map(g -> link.apply(g).queryParam("standing", "on-track").toUriString())
                                .toList())));
        return JSON.writeValueAsString(chart);
    }

    private String months(Dashboard d, StatsFilter f, Locale locale) {
        List<String> categories = new ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.from(f.from());
                m.isBefore(java.time.YearMonth.from(f.until())); m = m.plusMonths(1)) {
            categories.add(m.toString());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (TimeOfWork t : TimeOfWork.values()) {
            List<Object> data = new ArrayList<>();
            List<String> links = new ArrayList<>();
            boolean any = false;
            for (String m : categories) {
                java.math.BigDecimal h = d.hoursByMonth().stream().filter(c -> c.month().equals(m) && c.time() == t)
                        .map(Dashboard.MonthCell::hours).findFirst().orElse(null);
                any |= h != null;
                data.add(h == null ? java.math.BigDecimal.ZERO : h);
                links.add(query("/stats/students", f).queryParam("month", m).queryParam("time", t.name())
                        .toUriString());
            }
            if (any) {
                series.add(series(msg("stats.time." + t.name(), locale), data, links));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "stacked");
        chart.put("categories", categories);
        chart.put("series", series);
        return JSON.writeValueAsString(chart);
    }

    private String pie(List<Dashboard.Count> counts, Function<Dashboard.Count, String> name,
            Function<Dashboard.Count, UriComponentsBuilder> link) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "pie");
        chart.put("categories", counts.stream().map(name).toList());
        chart.put("series", List.of(series("", counts.stream().map(Dashboard.Count::value).toList(),
                counts.stream().map(c -> link.apply(c).toUriString()).toList())));
        return JSON.writeValueAsString(chart);
    }

    private String bar(List<Dashboard.Count> counts, Function<Dashboard.Count, String> name,
            Function<Dashboard.Count, UriComponentsBuilder> link, String unit) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("categories", counts.stream().map(name).toList());
        chart.put("series", List.of(series(unit, counts.stream().map(Dashboard.Count::value).toList(),
                counts.stream().map(c -> link.apply(c).toUriString()).toList())));
        return JSON.writeValueAsString(chart);
    }

    private static Map<String, Object> series(String name, List<?> data, List<String> links) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        s.put("links", links);
        return s;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static void attach(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
