package org.workstudy.hours.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.shared.CjkPdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The register as PDF (OpenPDF), A4 landscape, in the system CJK font ({@link CjkPdf}). Tables repeat their header
 * row on every page; every page has a running header and "page n of m". Without a readable font
 * {@link #available()} is false and the pages offer the print-ready register instead.
 */
@Service
public class RegisterPdf {

    public static final String FONT_SETTING = CjkPdf.FONT_SETTING;
    public static final String DEFAULT_FONT = CjkPdf.DEFAULT_FONT;
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);
    private static final Color FOLLOW = new Color(0xF7, 0xF7, 0xF7);
    private static final float[] WIDTHS = {4.5f, 8, 7, 4.5f, 10, 12, 16, 10, 14, 9};

    private final MessageSource messages;
    private final Environment environment;
    private final CjkPdf cjk;

    RegisterPdf(MessageSource messages, Environment environment, CjkPdf cjk) {
        this.messages = messages;
        this.environment = environment;
        this.cjk = cjk;
    }

    /** Whether a PDF can be made: the configured CJK font is there and loads. */
    public boolean available() {
        return font().isPresent();
    }

    public void writeStudent(StudentRegister r, Locale locale, OutputStream out) {
        RegisterTexts t = new RegisterTexts(messages, locale);
        write(out, t, (doc, events) -> {
            events.running = r.studentNo() + " " + r.name();
            student(doc, t, r);
        });
    }

    public void writeClass(ClassRegister c, Locale locale, OutputStream out) {
        RegisterTexts t = new RegisterTexts(messages, locale);
        write(out, t, (doc, events) -> {
            events.running = c.className();
            summary(doc, t, c);
            for (StudentRegister s : c.students()) {
                events.running = c.className() + " " + s.studentNo() + " " + s.name();
                doc.newPage();
                student(doc, t, s);
            }
        });
    }

    private interface Body {
        void write(Document doc, Events events) throws DocumentException;
    }

    private Optional<BaseFont> font() {
        return cjk.font();
    }

    /** Writes the body, then stamps "page n of m" on every page (a second pass, so that m is known). */
    private void write(OutputStream out, RegisterTexts t, Body body) {
        BaseFont bf = font().orElseThrow(() -> new IllegalStateException("no CJK font"));
        ByteArrayOutputStream first = new ByteArrayOutputStream(64 * 1024);
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 42, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, first);
            Events events = new Events(bf, t);
            writer.setPageEvent(events);
            doc.addTitle(t.msg("register.title"));
            doc.addCreator("WorkStudy");
            doc.open();
            body.write(doc, events);
            doc.close();
            PdfReader reader = new PdfReader(first.toByteArray());
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.getWriter().setCloseStream(false);
            int pages = reader.getNumberOfPages();
            for (int n = 1; n <= pages; n++) {
                Rectangle page = reader.getPageSizeWithRotation(n);
                ColumnText.showTextAligned(stamper.getOverContent(n), Element.ALIGN_CENTER,
                        new Phrase(t.msg("register.page-of", n, pages), new Font(bf, 8, Font.NORMAL, GREY)),
                        (page.getLeft() + page.getRight()) / 2, page.getBottom() + 18, 0);
            }
            stamper.close();
            reader.close();
        } catch (IOException e) {
            throw new IllegalStateException("PDF register failed", e);
        }
    }

    private Fonts fontsOf(BaseFont bf) {
        return new Fonts(new Font(bf, 16, Font.BOLD), new Font(bf, 8.5f), new Font(bf, 7, Font.NORMAL, GREY),
                new Font(bf, 8.5f, Font.BOLD), new Font(bf, 8.5f, Font.STRIKETHRU, GREY), new Font(bf, 10.5f));
    }

    private record Fonts(Font title, Font normal, Font small, Font bold, Font struck, Font school) {
    }

    private void student(Document doc, RegisterTexts t, StudentRegister r) throws DocumentException {
        Fonts f = fontsOf(font().orElseThrow());
        heading(doc, t, f, t.msg("register.title"));
        PdfPTable who = new PdfPTable(new float[] {8, 17, 8, 17, 8, 17});
        who.setWidthPercentage(100);
        who.setSpacingAfter(6);
        pair(who, f, t.msg("register.header.student-no"), r.studentNo());
        pair(who, f, t.msg("register.header.name"), r.name());
        pair(who, f, t.msg("register.header.class"), r.className());
        pair(who, f, t.msg("register.header.college"), r.collegeName());
        pair(who, f, t.msg("register.header.enrolment"), r.enrolmentTerm());
        pair(who, f, t.msg("register.header.printed"), r.printedOn().toString());
        if (!r.classMoves().isEmpty()) {
            who.addCell(cell(new Phrase(t.msg("register.header.class-history"), f.bold()), HEAD));
            PdfPCell moves = cell(new Phrase(t.classHistory(r), f.normal()), null);
            moves.setColspan(5);
            who.addCell(moves);
        }
        doc.add(who);

        PdfPTable table = new PdfPTable(WIDTHS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSplitLate(false);
        for (String k : List.of("register.col.no", "register.col.date", "register.col.time", "register.col.hours",
                "register.col.source", "register.col.employer-place", "register.col.content", "register.col.recorder",
                "register.col.confirmer", "register.col.status")) {
            PdfPCell c = cell(new Phrase(t.msg(k), f.bold()), HEAD);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(c);
        }
        for (RegisterLine l : r.lines()) {
            WorkRecordView w = l.record();
            Font main = l.struck() ? f.struck() : f.normal();
            Color bg = l.followUp() ? FOLLOW : null;
            PdfPCell no = cell(new Phrase(t.no(l), l.followUp() ? f.bold() : f.normal()), bg);
            no.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(no);
            table.addCell(cell(new Phrase(w.workDate().toString(), main), bg));
            table.addCell(cell(new Phrase(t.time(l), main), bg));
            PdfPCell h = cell(new Phrase(RegisterTexts.hours(w.hours()), main), bg);
            h.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(h);
            table.addCell(cell(new Phrase(nz(l.sourceTitle()), main), bg));
            table.addCell(cell(two(nz(w.employerName()), main, nz(w.place()), f.small()), bg));
            String note = t.note(l);
            table.addCell(cell(two(nz(w.content()), main, note, f.small()), bg));
            table.addCell(cell(two(nz(w.recordedBy()), f.normal(), t.recorderRole(l) + " "
                    + (l.recordedOn() == null ? "" : l.recordedOn()), f.small()), bg));
            table.addCell(cell(l.confirmerName() == null
                    ? new Phrase(l.voidEntry() ? "" : t.msg("register.not-confirmed"), f.small())
                    : two(l.confirmerName(), f.normal(), t.confirmerRole(l) + " " + l.confirmedOn(), f.small()), bg));
            table.addCell(cell(new Phrase(t.status(l), f.normal()), bg));
        }
        if (r.lines().isEmpty()) {
            PdfPCell none = cell(new Phrase(t.msg("register.none"), f.small()), null);
            none.setColspan(WIDTHS.length);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(none);
        }
        PdfPCell label = cell(new Phrase(t.msg("register.totals"), f.bold()), HEAD);
        label.setColspan(3);
        table.addCell(label);
        PdfPCell total = cell(new Phrase(RegisterTexts.hours(r.hours()), f.bold()), HEAD);
        total.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(total);
        PdfPCell line = cell(new Phrase(t.totals(r), f.bold()), HEAD);
        line.setColspan(WIDTHS.length - 4);
        table.addCell(line);
        doc.add(table);
        Paragraph legend = new Paragraph(t.msg("register.legend"), f.small());
        legend.setSpacingBefore(3);
        doc.add(legend);
        signatures(doc, t, f);
    }

    private void summary(Document doc, RegisterTexts t, ClassRegister c) throws DocumentException {
        Fonts f = fontsOf(font().orElseThrow());
        heading(doc, t, f, t.msg("register.title") + " — " + t.msg("register.class.summary"));
        PdfPTable who = new PdfPTable(new float[] {8, 17, 8, 17, 8, 17});
        who.setWidthPercentage(100);
        who.setSpacingAfter(6);
        pair(who, f, t.msg("register.header.class"), c.className());
        pair(who, f, t.msg("register.header.college"), c.collegeName());
        pair(who, f, t.msg("register.header.printed"), c.printedOn().toString());
        doc.add(who);
        doc.add(new Paragraph(t.msg("register.class.summary-line", c.students().size(), c.completed(),
                RegisterTexts.hours(c.totalHours())), f.normal()));
        PdfPTable table = new PdfPTable(new float[] {5, 14, 14, 10, 10, 10, 8});
        table.setWidthPercentage(80);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String k : List.of("register.col.no", "register.col.student-no", "register.col.name",
                "register.col.hours", "register.col.days", "register.col.share", "register.col.completed")) {
            PdfPCell h = cell(new Phrase(t.msg(k), f.bold()), HEAD);
            h.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(h);
        }
        int i = 0;
        for (StudentRegister s : c.students()) {
            table.addCell(cell(new Phrase(String.valueOf(++i), f.normal()), null));
            table.addCell(cell(new Phrase(s.studentNo(), f.normal()), null));
            table.addCell(cell(new Phrase(s.name(), f.normal()), null));
            table.addCell(right(new Phrase(RegisterTexts.hours(s.hours()), f.normal())));
            table.addCell(right(new Phrase(RegisterTexts.oneDecimal(s.days()), f.normal())));
            table.addCell(right(new Phrase(RegisterTexts.oneDecimal(s.sharePercent()) + "%", f.normal())));
            table.addCell(cell(new Phrase(t.msg(s.completed() ? "register.yes" : "register.no"), f.normal()), null));
        }
        doc.add(table);
        signatures(doc, t, f);
    }

    private void heading(Document doc, RegisterTexts t, Fonts f, String text) throws DocumentException {
        String school = environment.getProperty("workstudy.register.school-name", "");
        if (!school.isBlank()) {
            Paragraph p = new Paragraph(school, f.school());
            p.setAlignment(Element.ALIGN_CENTER);
            doc.add(p);
        }
        Paragraph title = new Paragraph(text, f.title());
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(8);
        doc.add(title);
    }

    private static void signatures(Document doc, RegisterTexts t, Fonts f) throws DocumentException {
        Paragraph sign = new Paragraph(t.msg("register.sign.counselor") + "________________        "
                + t.msg("register.sign.date") + "________________", f.normal());
        sign.setAlignment(Element.ALIGN_RIGHT);
        sign.setSpacingBefore(24);
        doc.add(sign);
    }

    private static void pair(PdfPTable table, Fonts f, String label, String value) {
        table.addCell(cell(new Phrase(label, f.bold()), HEAD));
        table.addCell(cell(new Phrase(nz(value), f.normal()), null));
    }

    private static Phrase two(String first, Font firstFont, String second, Font secondFont) {
        Phrase p = new Phrase();
        p.add(new Chunk(first, firstFont));
        if (second != null && !second.isBlank()) {
            p.add(Chunk.NEWLINE);
            p.add(new Chunk(second, secondFont));
        }
        return p;
    }

    private static PdfPCell cell(Phrase p, Color background) {
        PdfPCell c = new PdfPCell(p);
        c.setPadding(3);
        c.setPaddingTop(2);
        c.setBorderWidth(0.5f);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    private static PdfPCell right(Phrase p) {
        PdfPCell c = cell(p, null);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The running header on every page: school, register, whose register. */
    private final class Events extends PdfPageEventHelper {
        private final BaseFont bf;
        private final RegisterTexts t;
        String running = "";

        Events(BaseFont bf, RegisterTexts t) {
            this.bf = bf;
            this.t = t;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String school = environment.getProperty("workstudy.register.school-name", "");
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT,
                    new Phrase((school.isBlank() ? "" : school + " ") + t.msg("register.title") + "  " + running,
                            new Font(bf, 7.5f, Font.NORMAL, GREY)),
                    document.left(), document.getPageSize().getTop() - 24, 0);
        }
    }
}
