package org.workstudy.credits.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * The graduation audit as .xlsx (FastExcel, streamed): the students with the page's columns on the first sheet, the
 * numbers per status for the whole scope, each college and each class on the second.
 */
@Service
public class GraduationExport {

    /** The students' columns, as on the page. */
    static final List<String> COLUMNS = List.of("graduation.col.no", "graduation.col.student-no",
            "graduation.col.name", "graduation.col.college", "graduation.col.class", "graduation.col.status",
            "graduation.col.in-window", "graduation.col.make-up", "graduation.col.missing",
            "graduation.col.deficit", "graduation.col.deferred-on", "graduation.col.released-on");
    private static final int BATCH = 1000;

    private final MessageSource messages;

    GraduationExport(MessageSource messages) {
        this.messages = messages;
    }

    public void write(GraduationReport report, Locale locale, OutputStream out) {
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(14)).build()) {
            WriteSheet students = FastExcel.writerSheet(0, msg("graduation.sheet.students", locale)).needHead(false)
                    .build();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(row(msg("graduation.export.title", locale, report.cohort(), report.on().toString())));
            rows.add(COLUMNS.stream().map(k -> (Object) msg(k, locale)).toList());
            java.util.Map<GraduationStatus, String> labels = new java.util.EnumMap<>(GraduationStatus.class);
            for (GraduationStatus st : GraduationStatus.values()) {
                labels.put(st, msg("graduation.status." + st, locale));
            }
            int i = 0;
            for (GraduationRow r : report.rows()) {
                rows.add(row(++i, r.studentNo(), r.name(), r.collegeName(), r.className(),
                        labels.get(r.status()), r.inWindowHours(), r.makeUpHours(),
                        r.missingHours(), r.deficitHours() == null ? "" : r.deficitHours(),
                        r.deferredOn() == null ? "" : r.deferredOn().toString(),
                        r.releasedOn() == null ? "" : r.releasedOn().toString()));
                if (rows.size() >= BATCH) {
                    writer.write(rows, students);
                    rows.clear();
                }
            }
            writer.write(rows, students);

            WriteSheet numbers = FastExcel.writerSheet(1, msg("graduation.sheet.numbers", locale)).needHead(false)
                    .build();
            List<List<Object>> sums = new ArrayList<>();
            List<Object> header = new ArrayList<>(List.of(msg("graduation.counts.level", locale),
                    msg("graduation.counts.group", locale), msg("graduation.counts.total", locale)));
            for (GraduationStatus s : GraduationStatus.values()) {
                header.add(msg("graduation.status." + s, locale));
            }
            sums.add(header);
            sums.add(counts(msg("graduation.counts.scope", locale), "", report.total()));
            report.colleges().forEach(c -> sums.add(counts(msg("graduation.counts.college", locale), c.name(), c)));
            report.classes().forEach(c -> sums.add(counts(msg("graduation.counts.class", locale), c.name(), c)));
            writer.write(sums, numbers);
        }
    }

    private static List<Object> counts(String level, String name, GraduationCounts c) {
        List<Object> row = new ArrayList<>(List.of(level, name, c.total()));
        for (GraduationStatus s : GraduationStatus.values()) {
            row.add(c.count(s));
        }
        return row;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
