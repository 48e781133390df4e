package org.workstudy.certificates.internal;

import java.awt.Color;
import java.io.OutputStream;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
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
 * The work-study certificate as a one-page A4 PDF in the system CJK font ({@link CjkPdf}): school, title, the
 * student and the recognised course in a table, the verification code and where to check it. Callers check
 * {@link #available()} first and offer the printable page otherwise.
 */
@Service
public class CertificatePdf {

    private static final Color HEAD = new Color(0xF2, 0xF2, 0xF2);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final CjkPdf cjk;
    private final MessageSource messages;

    CertificatePdf(CjkPdf cjk, MessageSource messages) {
        this.cjk = cjk;
        this.messages = messages;
    }

    public boolean available() {
        return cjk.available();
    }

    public void write(CertificateData c, Locale locale, OutputStream out) {
        BaseFont bf = cjk.require();
        Font normal = new Font(bf, 12);
        Font bold = new Font(bf, 12, Font.BOLD);
        Document doc = new Document(PageSize.A4, 64, 64, 72, 64);
        PdfWriter.getInstance(doc, out).setCloseStream(false);
        doc.addTitle(msg(locale, "certificate.title"));
        doc.addCreator("WorkStudy");
        doc.open();
        if (c.schoolName() != null && !c.schoolName().isBlank()) {
            doc.add(centered(c.schoolName(), new Font(bf, 16), 4));
        }
        doc.add(centered(msg(locale, "certificate.title"), new Font(bf, 24, Font.BOLD), 24));
        Paragraph intro = new Paragraph(msg(locale, "certificate.intro", c.name(), c.studentNo(), c.collegeName(),
                c.className(), c.courseName(), c.creditsText()), normal);
        intro.setLeading(22);
        intro.setFirstLineIndent(24);
        intro.setSpacingAfter(16);
        doc.add(intro);

        PdfPTable table = new PdfPTable(new float[] {3, 7});
        table.setWidthPercentage(100);
        pair(table, bold, normal, msg(locale, "certificate.name"), c.name());
        pair(table, bold, normal, msg(locale, "certificate.student-no"), c.studentNo());
        pair(table, bold, normal, msg(locale, "certificate.college"), c.collegeName());
        pair(table, bold, normal, msg(locale, "certificate.major"), c.majorName());
        pair(table, bold, normal, msg(locale, "certificate.class"), c.className());
        pair(table, bold, normal, msg(locale, "certificate.course"), c.courseName());
        pair(table, bold, normal, msg(locale, "certificate.hours"), hoursLine(c, locale));
        pair(table, bold, normal, msg(locale, "certificate.credits"), c.creditsText());
        pair(table, bold, normal, msg(locale, "certificate.recognised-on"), c.recognisedOn().toString());
        pair(table, bold, normal, msg(locale, "certificate.term"), c.termCode());
        pair(table, bold, normal, msg(locale, "certificate.basis"), msg(locale, "recognition.basis." + c.basis()));
        doc.add(table);

        Paragraph close = new Paragraph(msg(locale, "certificate.closing"), normal);
        close.setSpacingBefore(16);
        close.setFirstLineIndent(24);
        doc.add(close);
        Paragraph seal = new Paragraph(msg(locale, "certificate.seal"), normal);
        seal.setAlignment(Element.ALIGN_RIGHT);
        seal.setSpacingBefore(36);
        doc.add(seal);

        Font small = new Font(bf, 10, Font.NORMAL, GREY);
        Paragraph verify = new Paragraph(msg(locale, "certificate.verify-code", c.code()), new Font(bf, 11, Font.BOLD));
        verify.setSpacingBefore(48);
        doc.add(verify);
        doc.add(new Paragraph(msg(locale, "certificate.verify-at", c.verifyUrl()), small));
        doc.close();
    }

    /** "360 学时（60.0 天）", or for an offset "180 学时（30.0 天）+ 抵扣 180 学时". */
    String hoursLine(CertificateData c, Locale locale) {
        String worked = msg(locale, "certificate.hours-days", c.hoursText(), c.days().toPlainString());
        return c.offsetHours() == null ? worked : msg(locale, "certificate.hours-offset", worked, c.offsetText());
    }

    private static Paragraph centered(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    private static void pair(PdfPTable table, Font labelFont, Font valueFont, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, labelFont));
        l.setBackgroundColor(HEAD);
        l.setPadding(6);
        table.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(value == null ? "" : value, valueFont));
        v.setPadding(6);
        table.addCell(v);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
