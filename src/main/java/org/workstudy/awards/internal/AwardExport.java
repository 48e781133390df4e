package org.workstudy.awards.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.workstudy.awards.internal.AwardLines.AwardList;
import org.workstudy.awards.internal.AwardLines.ClassAward;
import org.workstudy.awards.internal.AwardLines.CounselorAward;
import org.workstudy.awards.internal.AwardLines.StudentAward;
import org.workstudy.shared.Decimals;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * Each award list as .xlsx (FastExcel, as the statistics export writes it): the eligible first, then the ones just
 * below, with the verdict, the figures, the conditions met and what is lacking; the year, evaluation day and
 * threshold version in the first row.
 */
@Service
public class AwardExport {

    private final MessageSource messages;

    AwardExport(MessageSource messages) {
        this.messages = messages;
    }

    public void students(AwardList<StudentAward> list, Locale locale, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header(locale, "awards.col.verdict", "awards.col.student-no", "awards.col.name",
                "awards.col.college", "awards.col.class", "awards.col.cohort", "awards.col.year-hours",
                "awards.col.on-track", "awards.col.met", "awards.col.lacks"));
        for (boolean eligible : new boolean[] {true, false}) {
            for (StudentAward s : eligible ? list.eligible() : list.near()) {
                rows.add(List.of(verdict(eligible, locale), s.studentNo(), s.name(), s.collegeName(), s.className(),
                        s.cohort(), Decimals.plain(s.yearHours()), s.onTrack() ? msg("awards.yes", locale) : "",
                        text(s.verdict().met()), text(s.verdict().lacks())));
            }
        }
        write(out, locale, list, rows);
    }

    public void classes(AwardList<ClassAward> list, Locale locale, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header(locale, "awards.col.verdict", "awards.col.class", "awards.col.college", "awards.col.cohort",
                "awards.col.students", "awards.col.on-track-count", "awards.col.arrears", "awards.col.counselors",
                "awards.col.met", "awards.col.lacks"));
        for (boolean eligible : new boolean[] {true, false}) {
            for (ClassAward c : eligible ? list.eligible() : list.near()) {
                rows.add(List.of(verdict(eligible, locale), c.className(), c.collegeName(), c.cohort(), c.students(),
                        c.onTrack(), c.inArrears(), String.join("、", c.counselors()), text(c.verdict().met()),
                        text(c.verdict().lacks())));
            }
        }
        write(out, locale, list, rows);
    }

    public void counselors(AwardList<CounselorAward> list, Locale locale, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header(locale, "awards.col.verdict", "awards.col.counselor", "awards.col.classes",
                "awards.col.students", "awards.col.on-track-count", "awards.col.confirmations",
                "awards.col.on-time", "awards.col.met", "awards.col.lacks"));
        for (boolean eligible : new boolean[] {true, false}) {
            for (CounselorAward c : eligible ? list.eligible() : list.near()) {
                rows.add(List.of(verdict(eligible, locale), c.name(), String.join("、", c.classNames()),
                        c.students(), c.onTrack(), c.confirmations(), c.onTime(), text(c.verdict().met()),
                        text(c.verdict().lacks())));
            }
        }
        write(out, locale, list, rows);
    }

    private void write(OutputStream out, Locale locale, AwardList<?> list, List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(List.of(messages.getMessage("awards.export.basis", new Object[] {list.academicYear(),
                list.evaluationDay().toString(), list.version().effectiveFrom().toString()}, locale)));
        all.addAll(rows);
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, msg("awards.sheet", locale)).needHead(false).build();
            writer.write(all, sheet);
        }
    }

    private List<Object> header(Locale locale, String... keys) {
        List<Object> out = new ArrayList<>();
        for (String k : keys) {
            out.add(msg(k, locale));
        }
        return out;
    }

    private String verdict(boolean eligible, Locale locale) {
        return msg(eligible ? "awards.eligible" : "awards.near", locale);
    }

    private static String text(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).collect(Collectors.joining("；"));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
