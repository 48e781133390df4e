package org.workstudy.hours.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.metadata.data.WriteCellData;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.metadata.style.WriteCellStyle;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

import org.workstudy.hours.WorkRecordView;

/**
 * The register as .xlsx, written as a stream (FastExcel, SXSSF): a student's register on one sheet (header block,
 * the entries, totals), or a class's register on one sheet with every student's entries and a subtotal row per
 * student, plus a summary sheet (student, hours, days, share). The column 计入学时 holds the counted hours only, so
 * that its sum is the total.
 */
@Service
public class RegisterExport {

    /** Rows written at a time. */
    private static final int BATCH = 500;
    private static final int COLUMN_WIDTH = 14;

    private final MessageSource messages;
    private final String schoolName;

    RegisterExport(MessageSource messages, @Value("${workstudy.register.school-name:}") String schoolName) {
        this.messages = messages;
        this.schoolName = schoolName;
    }

    /** The columns of the entries, in order. */
    static final List<String> ENTRY_COLUMNS = List.of("register.col.no", "register.col.entry", "register.col.date",
            "register.col.starts", "register.col.ends", "register.col.hours", "register.col.counted-hours",
            "register.col.source", "register.col.employer", "register.col.place", "register.col.content",
            "register.col.recorder", "register.col.recorder-role", "register.col.recorded-on",
            "register.col.confirmer", "register.col.confirmer-role", "register.col.confirmed-on",
            "register.col.status", "register.col.note");
    /** The index of 计入学时 among the entry columns. */
    static final int COUNTED_COLUMN = 6;

    public void writeStudent(StudentRegister r, Locale locale, OutputStream out) {
        RegisterTexts t = new RegisterTexts(messages, locale);
        try (ExcelWriter writer = writer(out)) {
            WriteSheet sheet = FastExcel.writerSheet(0, t.msg("register.sheet.register")).needHead(false).build();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(row(title(t)));
            rows.add(row(t.msg("register.header.student-no"), r.studentNo(), t.msg("register.header.name"), r.name(),
                    t.msg("register.header.class"), r.className(), t.msg("register.header.college"),
                    r.collegeName(), t.msg("register.header.enrolment"), r.enrolmentTerm(),
                    t.msg("register.header.printed"), r.printedOn().toString()));
            if (!r.classMoves().isEmpty()) {
                rows.add(row(t.msg("register.header.class-history"), t.classHistory(r)));
            }
            rows.add(row());
            rows.add(ENTRY_COLUMNS.stream().map(k -> (Object) t.msg(k)).toList());
            for (RegisterLine l : r.lines()) {
                rows.add(entry(t, l, List.of()));
                flushIfFull(writer, sheet, rows);
            }
            rows.add(totalRow(t.msg("register.totals"), r.hours(), 0));
            rows.add(totalRow(t.msg("register.col.days"), oneDecimal(r.days()), 0));
            rows.add(totalRow(t.msg("register.col.share"), oneDecimal(r.sharePercent()), 0));
            rows.add(row(t.totals(r)));
            writer.write(rows, sheet);
        }
    }

    public void writeClass(ClassRegister c, Locale locale, OutputStream out) {
        RegisterTexts t = new RegisterTexts(messages, locale);
        try (ExcelWriter writer = writer(out)) {
            WriteSheet sheet = FastExcel.writerSheet(0, sheetName(c.className())).needHead(false).build();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(row(title(t)));
            rows.add(row(t.msg("register.header.class"), c.className(), t.msg("register.header.college"),
                    c.collegeName(), t.msg("register.header.students"), c.students().size(),
                    t.msg("register.header.printed"), c.printedOn().toString()));
            rows.add(row());
            List<Object> header = new ArrayList<>(List.of(t.msg("register.col.student-no"), t.msg("register.col.name")));
            ENTRY_COLUMNS.forEach(k -> header.add(t.msg(k)));
            rows.add(header);
            for (StudentRegister s : c.students()) {
                for (RegisterLine l : s.lines()) {
                    rows.add(entry(t, l, List.of(s.studentNo(), s.name())));
                    flushIfFull(writer, sheet, rows);
                }
                List<Object> subtotal = totalRow(t.msg("register.subtotal"), s.hours(), 2);
                subtotal.set(0, s.studentNo());
                subtotal.set(1, s.name());
                subtotal.set(ENTRY_COLUMNS.size() + 1, t.totals(s));
                rows.add(subtotal);
            }
            rows.add(totalRow(t.msg("register.totals"), c.totalHours(), 2));
            writer.write(rows, sheet);

            WriteSheet summary = FastExcel.writerSheet(1, t.msg("register.sheet.summary")).needHead(false).build();
            List<List<Object>> sums = new ArrayList<>();
            sums.add(row(title(t) + " — " + t.msg("register.class.summary")));
            sums.add(row(t.msg("register.header.class"), c.className(), t.msg("register.header.college"),
                    c.collegeName(), t.msg("register.header.printed"), c.printedOn().toString()));
            sums.add(row());
            sums.add(row(t.msg("register.col.no"), t.msg("register.col.student-no"), t.msg("register.col.name"),
                    t.msg("register.col.hours"), t.msg("register.col.days"), t.msg("register.col.share") + " (%)",
                    t.msg("register.col.completed")));
            int i = 0;
            for (StudentRegister s : c.students()) {
                sums.add(row(++i, s.studentNo(), s.name(), s.hours(), oneDecimal(s.days()), oneDecimal(s.sharePercent()),
                        t.msg(s.completed() ? "register.yes" : "register.no")));
            }
            sums.add(row(t.msg("register.totals"), "", "", c.totalHours(), "", "",
                    c.completed() + "/" + c.students().size()));
            writer.write(sums, summary);
        }
    }

    private String title(RegisterTexts t) {
        return schoolName == null || schoolName.isBlank() ? t.msg("register.title")
                : t.msg("register.school-title", schoolName);
    }

    private static List<Object> entry(RegisterTexts t, RegisterLine l, List<Object> prefix) {
        WorkRecordView r = l.record();
        List<Object> row = new ArrayList<>(prefix);
        row.addAll(Arrays.asList(t.no(l), r.id(), r.workDate().toString(),
                r.startsAt() == null ? "" : r.startsAt().toString(), r.endsAt() == null ? "" : r.endsAt().toString(),
                r.hours() == null ? "" : r.hours(), l.counted() ? r.hours() : "", nz(l.sourceTitle()),
                nz(r.employerName()), nz(r.place()), nz(r.content()), nz(r.recordedBy()), t.recorderRole(l),
                l.recordedOn() == null ? "" : l.recordedOn().toString(), nz(l.confirmerName()), t.confirmerRole(l),
                l.confirmedOn() == null ? "" : l.confirmedOn().toString(), t.status(l), t.note(l)));
        return row;
    }

    /** A row with the label in the first column and the value in the 计入学时 column (after {@code offset}). */
    /** A number cell shown with one decimal (days, share), as the pages show it. */
    private static WriteCellData<BigDecimal> oneDecimal(BigDecimal value) {
        WriteCellData<BigDecimal> cell = new WriteCellData<>(value);
        WriteCellStyle style = new WriteCellStyle();
        DataFormatData format = new DataFormatData();
        format.setFormat("0.0");
        style.setDataFormatData(format);
        cell.setWriteCellStyle(style);
        return cell;
    }

    private static List<Object> totalRow(String label, Object value, int offset) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < ENTRY_COLUMNS.size() + offset; i++) {
            row.add("");
        }
        row.set(offset == 0 ? 0 : 2, label);
        row.set(COUNTED_COLUMN + offset, value);
        return row;
    }

    private static void flushIfFull(ExcelWriter writer, WriteSheet sheet, List<List<Object>> rows) {
        if (rows.size() >= BATCH) {
            writer.write(rows, sheet);
            rows.clear();
        }
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** An Excel sheet name: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String name) {
        String s = name == null ? "" : name.replaceAll("[\\[\\]:*?/\\\\]", "");
        s = s.isBlank() ? "Sheet1" : s;
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    private static ExcelWriter writer(OutputStream out) {
        return FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(COLUMN_WIDTH)).build();
    }
}
