package org.workstudy.organization.internal;

import java.awt.Color;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.workstudy.organization.ActivationSlip;
import org.workstudy.shared.CjkPdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import cn.idev.excel.FastExcel;

/**
 * A class's activation sheet as PDF (A4, the server's CJK font, one row per student with room for a signature; the
 * counselor cuts it into slips or reads it out) and as .xlsx (for the school's messaging channel).
 */
@Service
public class ActivationSheetFiles {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);

    private final MessageSource messages;
    private final CjkPdf cjk;

    ActivationSheetFiles(MessageSource messages, CjkPdf cjk) {
        this.messages = messages;
        this.cjk = cjk;
    }

    /** Whether a PDF can be made (the CJK font is there); otherwise only the .xlsx is offered. */
    public boolean pdfAvailable() {
        return cjk.available();
    }

    public void writePdf(ActivationSheets.Sheet sheet, String activateUrl, Locale locale, OutputStream out) {
        BaseFont bf = cjk.require();
        Font title = new Font(bf, 16, Font.BOLD);
        Font normal = new Font(bf, 10);
        Font small = new Font(bf, 8.5f, Font.NORMAL, GREY);
        Font bold = new Font(bf, 10, Font.BOLD);
        Font code = new Font(bf, 13, Font.BOLD);
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            Paragraph head = new Paragraph(msg(locale, "organization.activation.sheet.title", sheet.className()), title);
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            Paragraph sub = new Paragraph(msg(locale, "organization.activation.sheet.subtitle", sheet.collegeName(),
                    sheet.issuedAt().format(WHEN), expiry(sheet)), small);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(8);
            doc.add(sub);
            for (String key : List.of("organization.activation.sheet.step1", "organization.activation.sheet.step2",
                    "organization.activation.sheet.step3")) {
                doc.add(new Paragraph(msg(locale, key, activateUrl), normal));
            }
            Paragraph warning = new Paragraph(msg(locale, "organization.activation.sheet.warning"), bold);
            warning.setSpacingAfter(10);
            doc.add(warning);
            PdfPTable table = new PdfPTable(new float[] {6, 19, 19, 36, 20});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String k : List.of("no", "number", "name", "code", "signature")) {
                PdfPCell c = new PdfPCell(new Phrase(msg(locale, "organization.activation.sheet.col." + k), bold));
                c.setBackgroundColor(HEAD);
                c.setPadding(5);
                table.addCell(c);
            }
            int n = 0;
            for (ActivationSlip s : sheet.slips()) {
                n++;
                table.addCell(cell(String.valueOf(n), normal));
                table.addCell(cell(s.number(), normal));
                table.addCell(cell(s.name(), normal));
                table.addCell(s.activated() ? cell(msg(locale, "organization.activation.activated"), small)
                        : cell(s.code(), code));
                table.addCell(cell("", normal));
            }
            doc.add(table);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("activation sheet PDF", e);
        }
    }

    public void writeXlsx(ActivationSheets.Sheet sheet, Locale locale, OutputStream out) {
        List<List<String>> head = List.of("number", "name", "code", "expires").stream()
                .map(k -> List.of(msg(locale, "organization.activation.sheet.col." + k))).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (ActivationSlip s : sheet.slips()) {
            rows.add(List.of(s.number(), s.name(),
                    s.activated() ? msg(locale, "organization.activation.activated") : s.code(),
                    s.activated() ? "" : s.expiresAt().format(WHEN)));
        }
        FastExcel.write(out).autoCloseStream(false).head(head)
                .sheet(msg(locale, "organization.activation.sheet.xlsx-sheet")).doWrite(rows);
    }

    private static String expiry(ActivationSheets.Sheet sheet) {
        return sheet.slips().stream().filter(s -> !s.activated()).findFirst().map(s -> s.expiresAt().format(WHEN))
                .orElse("—");
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(6);
        c.setMinimumHeight(24);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
