package org.workstudy.statistics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.statistics.internal.OnsiteFigures;
import org.workstudy.statistics.internal.StatisticsPages;

import tools.jackson.databind.json.JsonMapper;

/**
 * 签到与酬金统计: the year's check-ins, the share of hours from check-in, make-ups and signals, and pay by month,
 * college and funding source. Charts as on the dashboard ({@code data-chart}, drawn by /js/stats.js); a click on a
 * month's pay opens that month's sheets, on a signal the signals list.
 */
@Controller
class OnsiteStatisticsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OnsiteFigures onsite;
    private final StatisticsPages pages;
    private final MessageSource messages;

    OnsiteStatisticsController(OnsiteFigures onsite, StatisticsPages pages, MessageSource messages) {
        this.onsite = onsite;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/stats/onsite")
    String onsite(@RequestParam(required = false) String academicYear, Locale locale, Model model) {
        CurrentUser user = CurrentUser.require();
        if (!OnsiteFigures.mayRead(user)) {
            throw BusinessException.forbidden();
        }
        StatsFilter filter = new StatsFilter(academicYear == null || academicYear.isBlank() ? pages.currentYear()
                : academicYear, null, null, null, null);
        OnsiteFigures.Onsite o = onsite.year(user, filter);
        int current = Integer.parseInt(pages.currentYear().substring(0, 4));
        List<String> years = new ArrayList<>();
        for (int y = current; y >= current - 5; y--) {
            years.add(y + "-" + (y + 1));
        }
        if (!years.contains(filter.academicYear())) {
            years.add(filter.academicYear());
        }
        model.addAttribute("o", o);
        model.addAttribute("years", years);
        model.addAttribute("charts", charts(o, locale));
        return "statistics/onsite";
    }

    private Map<String, String> charts(OnsiteFigures.Onsite o, Locale locale) {
        List<String> months = o.months().stream().map(m -> m.month().toString()).toList();
        List<String> signalLinks = months.stream().map(m -> "/checkin/signals").toList();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("checkins", chart("bar", false, months,
                series(msg("stats.onsite.series.check-ins", locale),
                        o.months().stream().map(m -> m.checkin().checkIns()).toList(), null),
                series(msg("stats.onsite.series.completed", locale),
                        o.months().stream().map(m -> m.checkin().completed()).toList(), null),
                series(msg("stats.onsite.series.make-ups", locale),
                        o.months().stream().map(m -> m.checkin().makeUps()).toList(), null)));
        out.put("share", chart("bar", true, months,
                series(msg("stats.onsite.series.share", locale),
                        o.months().stream().map(m -> m.checkinShare() == null ? BigDecimal.ZERO : m.checkinShare())
                                .toList(), null)));
        out.put("signals", chart("stacked", false, months,
                series(msg("checkin.signal.shared-device", locale),
                        o.months().stream().map(m -> m.checkin().sharedDevice()).toList(), signalLinks),
                series(msg("checkin.signal.far", locale),
                        o.months().stream().map(m -> m.checkin().far()).toList(), signalLinks),
                series(msg("checkin.signal.by-code", locale),
                        o.months().stream().map(m -> m.checkin().byCode()).toList(), signalLinks)));
        out.put("payByMonth", chart("bar", false, o.payByMonth().stream().map(OnsiteFigures.PaySum::key).toList(),
                series(msg("stats.onsite.series.amount", locale),
                        o.payByMonth().stream().map(OnsiteFigures.PaySum::amount).toList(),
                        o.payByMonth().stream().map(s -> "/pay?month=" + s.key()).toList())));
        out.put("payByCollege", chart("bar", false, o.payByCollege().stream().map(OnsiteFigures.PaySum::key)
                        .toList(), series(msg("stats.onsite.series.amount", locale),
                                o.payByCollege().stream().map(OnsiteFigures.PaySum::amount).toList(), null)));
        out.put("payByFunding", chart("pie", false, o.payByFunding().stream()
                        .map(s -> msg("pay.funding." + s.key(), locale)).toList(),
                series("", o.payByFunding().stream().map(OnsiteFigures.PaySum::amount).toList(), null)));
        return out;
    }

    @SafeVarargs
    private static String chart(String kind, boolean percent, List<String> categories, Map<String, Object>... series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("percent", percent);
        chart.put("categories", categories);
        chart.put("series", List.of(series));
        return JSON.writeValueAsString(chart);
    }

    private static Map<String, Object> series(String name, List<?> data, List<String> links) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        if (links != null) {
            s.put("links", links);
        }
        return s;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
