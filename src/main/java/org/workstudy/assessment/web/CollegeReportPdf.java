package org.workstudy.assessment.web;

import java.awt.Color;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.workstudy.assessment.internal.CollegeReport;
import org.workstudy.assessment.internal.Metric;
import org.workstudy.assessment.internal.Ranked;
import org.workstudy.shared.CjkPdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The printable monthly report of a college as an A4 PDF (OpenPDF, the system CJK font embedded: {@link CjkPdf}):
 * the same figures, texts and definitions as the page {@code assessment/report.html}, from the same
 * {@link CollegeReport}. Callers check {@link #available()} first and offer the printable page otherwise.
 */
@Component
class CollegeReportPdf {

    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final CjkPdf cjk;
    private final MessageSource messages;
    private final PeriodNotes notes;

    CollegeReportPdf(CjkPdf cjk, MessageSource messages, PeriodNotes notes) {
        this.cjk = cjk;
        this.messages = messages;
        this.notes = notes;
    }

    boolean available() {
        return cjk.available();
    }

    void write(CollegeReport r, String academicYear, List<Metric> metrics, List<Metric> personMetrics, Locale locale,
            OutputStream out) {
        BaseFont bf = cjk.require();
        Font title = new Font(bf, 16, Font.BOLD);
        Font normal = new Font(bf, 9);
        Font bold = new Font(bf, 9, Font.BOLD);
        Font small = new Font(bf, 8, Font.NORMAL, GREY);
        Font heading = new Font(bf, 11, Font.BOLD);
        String name = r.college().name();
        Document doc = new Document(PageSize.A4, 40, 40, 48, 48);
        PdfWriter.getInstance(doc, out).setCloseStream(false);
        doc.addTitle(msg(locale, "asm.report.title", name));
        doc.addCreator("WorkStudy");
        doc.open();
        Paragraph head = new Paragraph(msg(locale, "asm.report.title", name), title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(6);
        doc.add(head);
        doc.add(centered(msg(locale, "asm.report.period", r.month(), academicYear) + " · "
                + msg(locale, r.frozen() ? "asm.frozen" : "asm.not-frozen"), bold));
        for (String note : notes.month(r.frozen(), r.frozenAt(), r.reconstructed() ? r.standingsDay() : null,
                r.computedAt(), locale)) {
            doc.add(centered(note, small));
        }
        Paragraph place = centered(r.college().rank() != null
                ? msg(locale, "asm.report.place", r.college().rank(), r.colleges())
                : msg(locale, "asm.report.no-place"), heading);
        place.setSpacingBefore(6);
        place.setSpacingAfter(8);
        doc.add(place);

        PdfPTable figures = new PdfPTable(new float[] {4, 3, 2});
        figures.setWidthPercentage(100);
        figures.setHeaderRows(1);
        figures.addCell(cell(msg(locale, "asm.report.figure"), bold, HEAD));
        figures.addCell(cell(name, bold, HEAD));
        figures.addCell(cell(msg(locale, "asm.report.school"), bold, HEAD));
        for (Metric m : metrics) {
            Ranked.Shown f = r.college().figure(m);
            Ranked.Shown s = r.school() == null ? null : r.school().figure(m);
            figures.addCell(cell(msg(locale, "asm.metric." + m), bold, null));
            figures.addCell(cell(f != null && f.percent() != null ? f.percent() + "%  (" + plain(f.numerator())
                    + " / " + plain(f.denominator()) + ")" : msg(locale, "asm.na"), normal, null));
            figures.addCell(cell(percent(s, locale), normal, null));
        }
        figures.addCell(cell(msg(locale, "asm.col.score"), bold, HEAD));
        figures.addCell(cell(score(r.college(), locale), bold, HEAD));
        figures.addCell(cell(score(r.school(), locale), bold, HEAD));
        doc.add(figures);

        ranking(doc, msg(locale, "asm.section.counselors"), r.counselors(), personMetrics, locale, heading, bold,
                normal);
        ranking(doc, msg(locale, "asm.section.classes"), r.classes(), personMetrics, locale, heading, bold, normal);

        section(doc, msg(locale, "asm.def.title"), heading);
        int n = 1;
        for (Metric m : metrics) {
            doc.add(new Paragraph(n++ + ". " + msg(locale, "asm.def." + m), small));
        }
        doc.add(new Paragraph(n++ + ". " + msg(locale, "asm.def.score"), small));
        doc.add(new Paragraph(n++ + ". " + msg(locale, "asm.deadline", r.handleWithinDays()), small));
        doc.add(new Paragraph(n + ". " + msg(locale, "asm.late-note"), small));
        Paragraph sign = new Paragraph(msg(locale, "asm.report.sign") + "                              "
                + msg(locale, "asm.report.date"), normal);
        sign.setSpacingBefore(28);
        doc.add(sign);
        doc.close();
    }

    private void ranking(Document doc, String title, List<Ranked> rows, List<Metric> metrics, Locale locale,
            Font heading, Font bold, Font normal) {
        section(doc, title, heading);
        float[] widths = new float[metrics.size() + 3];
        widths[0] = 1.2f;
        widths[1] = 4;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = 2;
        }
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.addCell(cell(msg(locale, "asm.col.rank"), bold, HEAD));
        t.addCell(cell(msg(locale, "asm.col.name"), bold, HEAD));
        t.addCell(cell(msg(locale, "asm.col.score"), bold, HEAD));
        metrics.forEach(m -> t.addCell(cell(msg(locale, "asm.metric." + m), bold, HEAD)));
        for (Ranked row : rows) {
            t.addCell(cell(row.rank() != null ? String.valueOf(row.rank()) : msg(locale, "asm.na"), normal, null));
            t.addCell(cell(row.name(), normal, null));
            t.addCell(cell(score(row, locale), normal, null));
            metrics.forEach(m -> t.addCell(cell(percent(row.figure(m), locale), normal, null)));
        }
        if (rows.isEmpty()) {
            PdfPCell none = cell(msg(locale, "asm.none"), normal, null);
            none.setColspan(widths.length);
            t.addCell(none);
        }
        doc.add(t);
    }

    private static void section(Document doc, String title, Font heading) {
        Paragraph p = new Paragraph(title, heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private String percent(Ranked.Shown f, Locale locale) {
        return f != null && f.percent() != null ? f.percent() + "%" : msg(locale, "asm.na");
    }

    private String score(Ranked row, Locale locale) {
        return row != null && row.score() != null ? row.score().toPlainString() : msg(locale, "asm.na");
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
