package org.workstudy.assessment.web;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.workstudy.assessment.internal.Metric;
import org.workstudy.assessment.internal.Ranked;
import org.workstudy.assessment.internal.Ranking;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * A ranking as .xlsx: the period and its status (已冻结, 未冻结, 补冻结) and what the page says of it, one sentence a
 * row; then place, name, score, and each metric's percentage, numerator and denominator. When the period holds a
 * month frozen late, the on-track columns say they are recomputed as of the month's end.
 */
@Component
class AssessmentExport {

    private final PeriodNotes notes;

    AssessmentExport(PeriodNotes notes) {
        this.notes = notes;
    }

    void write(OutputStream out, Locale locale, String sheetName, Ranking r, List<Ranked> rows,
            List<Metric> metrics) {
        List<List<Object>> table = new ArrayList<>();
        boolean reconstructed = !r.reconstructedMonths().isEmpty();
        String period = r.month() != null ? r.month() : r.academicYear();
        table.add(List.of(period + " · " + msg(r.frozen() ? "asm.frozen" : "asm.not-frozen", locale)
                + (reconstructed ? " · " + msg("asm.reconstructed.tag", locale) : "")));
        statusNotes(r, locale).forEach(note -> table.add(List.of(note)));
        List<Object> header = new ArrayList<>(List.of(msg("asm.col.rank", locale), msg("asm.col.name", locale),
                msg("asm.col.score", locale)));
        for (Metric m : metrics) {
            String name = msg("asm.metric." + m.name(), locale)
                    + (reconstructed && m == Metric.ON_TRACK ? msg("asm.col.reconstructed", locale) : "");
            header.add(name + " %");
            header.add(name + " · " + msg("asm.col.numerator", locale));
            header.add(name + " · " + msg("asm.col.denominator", locale));
        }
        table.add(header);
        for (Ranked ranked : rows) {
            List<Object> row = new ArrayList<>();
            row.add(ranked.rank() == null ? "" : ranked.rank());
            row.add(ranked.name());
            row.add(ranked.score() == null ? "" : ranked.score());
            for (Metric m : metrics) {
                Ranked.Shown f = ranked.figure(m);
                row.add(f == null || f.percent() == null ? "" : f.percent());
                row.add(f == null ? "" : f.numerator());
                row.add(f == null ? "" : f.denominator());
            }
            table.add(row);
        }
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, sheetName).needHead(false).build();
            writer.write(table, sheet);
        }
    }

    /** A month: frozen when, 补冻结 or live; a year: the months it combines and those frozen late. */
    private List<String> statusNotes(Ranking r, Locale locale) {
        if (r.month() != null) {
            List<String> out = new ArrayList<>(notes.month(r.frozen(), r.frozenAt(), r.standingsDay(),
                    r.computedAt(), locale));
            out.add(msg("asm.late-note", locale));
            return out;
        }
        List<String> out = new ArrayList<>();
        out.add(r.frozen() ? notes.msg(locale, "asm.year-note", String.join(", ", r.frozenMonths()))
                : msg("asm.year.none", locale));
        if (!r.reconstructedMonths().isEmpty()) {
            out.add(notes.msg(locale, "asm.year-reconstructed", String.join(", ", r.reconstructedMonths())));
        }
        return out;
    }

    private String msg(String key, Locale locale) {
        return notes.msg(locale, key);
    }
}
