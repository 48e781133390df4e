package org.workstudy.statistics.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.workstudy.statistics.StatsFilter;

/** The lists behind the figures as .xlsx (FastExcel, streamed in batches of 1,000 rows), with the page's columns. */
@Service
public class StatisticsExport {

    private static final int BATCH = 1000;

    private final StatisticsPages pages;
    private final MessageSource messages;

    StatisticsExport(StatisticsPages pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    public void students(CurrentUser user, StatsFilter filter, StudentDrill drill, Locale locale, OutputStream out) {
        List<String> header = new ArrayList<>(List.of("stats.col.student-no", "stats.col.name", "stats.col.college",
                "stats.col.class", "stats.col.cohort", "stats.col.required", "stats.col.counted",
                "stats.col.expected", "stats.col.completed", "stats.col.on-track", "stats.col.at-risk",
                "stats.col.exemption", "stats.col.recognised", "stats.col.deferral"));
        if (drill.aboutHours()) {
            header.add("stats.col.cell-hours");
        }
        write(out, locale, header, rows -> pages.forEachStudent(user, filter, drill, s -> {
            List<Object> row = new ArrayList<>(Arrays.asList(s.studentNo(), s.name(), s.collegeName(),
                    s.className(), s.cohort(), s.requiredHours(), s.countedHours(), s.expectedHours(),
                    yes(s.completed(), locale), yes(s.onTrack(), locale), yes(s.atRisk(), locale),
                    s.exemption() == null ? "" : msg("stats.exemption." + s.exemption(), locale),
                    yes(s.recognised(), locale),
                    s.deferral() == null ? "" : msg("stats.deferral." + s.deferral(), locale)));
            if (drill.aboutHours()) {
                row.add(s.cellHours());
            }
            rows.accept(row);
        }));
    }

    public void placements(CurrentUser user, StatsFilter filter, PlacementDrill drill, Locale locale,
            OutputStream out) {
        List<String> header = List.of("stats.col.student-no", "stats.col.name", "stats.col.class",
                "stats.col.position-type", "stats.col.bank", "stats.col.campus", "stats.col.employer",
                "stats.col.placed-on", "stats.col.active");
        write(out, locale, header, rows -> pages.forEachPlacement(user, filter, drill, p -> rows.accept(
                new ArrayList<>(Arrays.asList(p.studentNo(), p.name(), p.className(),
                        msg("stats.type." + p.positionType(), locale), msg("stats.bank." + p.bank(), locale),
                        msg("stats.campus." + p.onCampus(), locale), p.employerName(), p.placedOn().toString(),
                        yes(p.active(), locale))))));
    }

    private void write(OutputStream out, Locale locale, List<String> header,
            java.util.function.Consumer<java.util.function.Consumer<List<Object>>> body) {
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(14)).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, msg("stats.sheet", locale)).needHead(false).build();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(header.stream().map(k -> (Object) msg(k, locale)).toList());
            body.accept(row -> {
                rows.add(row);
                if (rows.size() >= BATCH) {
                    writer.write(rows, sheet);
                    rows.clear();
                }
            });
            writer.write(rows, sheet);
        }
    }

    private String yes(boolean value, Locale locale) {
        return value ? msg("stats.yes", locale) : "";
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
