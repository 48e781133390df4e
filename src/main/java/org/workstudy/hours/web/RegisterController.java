package org.workstudy.hours.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.workstudy.hours.internal.ClassRegister;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Register;
import org.workstudy.hours.internal.RegisterExport;
import org.workstudy.hours.internal.RegisterPdf;
import org.workstudy.hours.internal.StudentRegister;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;

/**
 * The register (登记本): print-ready pages, .xlsx and PDF, per student and per class. Scope through {@link Register}
 * (out of scope: 404). Without a CJK font the PDF links answer with a page that points to the print-ready page.
 */
@Controller
class RegisterController {

    private final Register register;
    private final RegisterExport export;
    private final RegisterPdf pdf;
    private final LedgerPages ledger;
    private final String schoolName;

    RegisterController(Register register, RegisterExport export, RegisterPdf pdf, LedgerPages ledger,
            @Value("${workstudy.register.school-name:}") String schoolName) {
        this.register = register;
        this.export = export;
        this.pdf = pdf;
        this.ledger = ledger;
        this.schoolName = schoolName;
    }

    @GetMapping("/hours/students/{id:\\d+}/register")
    String student(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("register", register.ofStudent(user, id));
        model.addAttribute("schoolName", schoolName);
        boolean student = user.acts(Role.STUDENT);
        boolean ledgerPage = user.acts(Role.COUNSELOR);
        model.addAttribute("back", student ? "/my/hours" : ledgerPage ? "/hours/students/" + id
                : "/hours/classes/" + register.classOf(user, id).id() + "/register");
        model.addAttribute("backKey", student ? "register.back-my" : ledgerPage ? "register.back-student"
                : "register.back-class");
        return "hours/register";
    }

    /** The signed-in student's own register. */
    @GetMapping("/my/hours/register")
    String mine() {
        CurrentUser user = CurrentUser.require();
        long id = ledger.studentIdOf(user).orElseThrow(BusinessException::forbidden);
        return "redirect:/hours/students/" + id + "/register";
    }

    @GetMapping("/hours/classes/{id:\\d+}/register")
    String schoolClass(@PathVariable long id, Model model) {
        model.addAttribute("register", register.ofClass(CurrentUser.require(), id));
        model.addAttribute("schoolName", schoolName);
        return "hours/class-register";
    }

    @GetMapping("/hours/students/{id:\\d+}/register.xlsx")
    void studentXlsx(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        StudentRegister r = register.ofStudent(CurrentUser.require(), id);
        export.writeStudent(r, locale, Attachments.open(response, Attachments.XLSX, fileName(r, "xlsx")));
    }

    @GetMapping("/hours/classes/{id:\\d+}/register.xlsx")
    void classXlsx(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        ClassRegister r = register.ofClass(CurrentUser.require(), id);
        export.writeClass(r, locale, Attachments.open(response, Attachments.XLSX, fileName(r, "xlsx")));
    }

    @GetMapping("/hours/students/{id:\\d+}/register.pdf")
    ModelAndView studentPdf(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        StudentRegister r = register.ofStudent(CurrentUser.require(), id);
        if (!pdf.available()) {
            return noFont("/hours/students/" + id + "/register", response);
        }
        pdf.writeStudent(r, locale, Attachments.open(response, Attachments.PDF, fileName(r, "pdf")));
        return null;
    }

    @GetMapping("/hours/classes/{id:\\d+}/register.pdf")
    ModelAndView classPdf(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        ClassRegister r = register.ofClass(CurrentUser.require(), id);
        if (!pdf.available()) {
            return noFont("/hours/classes/" + id + "/register", response);
        }
        pdf.writeClass(r, locale, Attachments.open(response, Attachments.PDF, fileName(r, "pdf")));
        return null;
    }

    private static ModelAndView noFont(String printUrl, HttpServletResponse response) {
        ModelAndView mav = new ModelAndView("hours/register-no-pdf");
        mav.addObject("printUrl", printUrl);
        mav.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        return mav;
    }

    /** 登记本-学号-姓名.xlsx */
    static String fileName(StudentRegister r, String ext) {
        return "登记本-" + Attachments.safe(r.studentNo()) + "-" + Attachments.safe(r.name()) + "." + ext;
    }

    /** 登记本-2024级软件技术1班.xlsx (the cohort is added when the class name does not start with it). */
    static String fileName(ClassRegister r, String ext) {
        String name = Attachments.safe(r.className());
        String cohort = String.valueOf(r.cohort());
        return "登记本-" + (name.startsWith(cohort) ? name : cohort + "级" + name) + "." + ext;
    }
}
