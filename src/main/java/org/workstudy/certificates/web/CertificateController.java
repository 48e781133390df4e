package org.workstudy.certificates.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.workstudy.certificates.internal.CertificateData;
import org.workstudy.certificates.internal.CertificatePdf;
import org.workstudy.certificates.Certificates;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Student;
import org.workstudy.shared.BusinessException;

/**
 * Work-study certificates: the student's own page and PDF, and any in-scope student's PDF for staff; a printable
 * page serves where no CJK font is installed. Others and students without recognised credits: 404.
 */
@Controller
class CertificateController {

    private final Certificates certificates;
    private final CertificatePdf pdf;

    CertificateController(Certificates certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    @GetMapping("/my/certificate")
    String mine(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("certificate", certificates.mine(user).orElse(null));
        model.addAttribute("pdfAvailable", pdf.available());
        return "credits/certificate";
    }

    @GetMapping("/my/certificate.pdf")
    ModelAndView minePdf(Locale locale, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        long id = certificates.ownStudent(user).map(Student::id).orElseThrow(BusinessException::forbidden);
        return download(certificates.of(user, id), locale, response);
    }

    @GetMapping("/certificates/{studentId:\\d+}.pdf")
    ModelAndView studentPdf(@PathVariable long studentId, Locale locale, HttpServletResponse response)
            throws IOException {
        return download(certificates.of(CurrentUser.require(), studentId), locale, response);
    }

    @GetMapping("/certificates/{studentId:\\d+}/print")
    String print(@PathVariable long studentId, Model model) {
        model.addAttribute("certificate", certificates.of(CurrentUser.require(), studentId));
        return "credits/certificate-print";
    }

    private ModelAndView download(CertificateData c, Locale locale, HttpServletResponse response)
            throws IOException {
        if (!pdf.available()) {
            ModelAndView page = new ModelAndView("credits/certificate-no-pdf");
            page.addObject("printUrl", "/certificates/" + c.studentId() + "/print");
            page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
            return page;
        }
        pdf.write(c, locale, open(response,
                "勤工助学证明-" + c.studentNo() + "-" + c.name() + ".pdf"));
        return null;
    }

    /** A Chinese file name (RFC 5987) and no caching of personal data. */
    private static OutputStream open(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName.replaceAll("[\\\\/:*?\"<>|\\s]+", ""), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }
}
