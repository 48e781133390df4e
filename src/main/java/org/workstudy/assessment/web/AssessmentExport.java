package org.workstudy.assessment.web;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.workstudy.assessment.internal.Metric;
import org.workstudy.assessment.internal.Ranked;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/** A ranking as .xlsx: place, name, score, then each metric's percentage, numerator and denominator. */
@Component
class AssessmentExport {

    private final MessageSource messages;

    AssessmentExport(MessageSource messages) {
        this.messages = messages;
    }

    void write(OutputStream out, Locale locale, String sheetName, String period, boolean frozen, List<Ranked> rows,
            List<Metric> metrics) {
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of(period + " · " + msg(frozen ? "asm.frozen" : "asm.not-frozen", locale)));
        List<Object> header = new ArrayList<>(List.of(msg("asm.col.rank", locale), msg("asm.col.name", locale),
                msg("asm.col.score", locale)));
        for (Metric m : metrics) {
            String name = msg("asm.metric." + m.name(), locale);
            header.add(name + " %");
            header.add(name + " · " + msg("asm.col.numerator", locale));
            header.add(name + " · " + msg("asm.col.denominator", locale));
        }
        table.add(header);
        for (Ranked r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(r.rank() == null ? "" : r.rank());
            row.add(r.name());
            row.add(r.score() == null ? "" : r.score());
            for (Metric m : metrics) {
                Ranked.Shown f = r.figure(m);
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

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
