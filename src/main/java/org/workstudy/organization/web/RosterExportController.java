package org.workstudy.organization.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.internal.RosterExport;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.BusinessException;

/** The student list as .xlsx, with the filters of the list page; the user's data scope decides the rows. */
@Controller
class RosterExportController {

    private final RosterExport exports;

    RosterExportController(RosterExport exports) {
        this.exports = exports;
    }

    @GetMapping("/org/students/export")
    void export(@RequestParam(required = false) String text, @RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Long classId, @RequestParam(required = false) Integer cohort,
            @RequestParam(required = false) StudentStatus status, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        // refused before any header is set, so that the error page renders normally
        if (!RosterExport.mayExport(user)) {
            throw BusinessException.forbidden();
        }
        exports.exportStudents(user, new StudentQuery(text, collegeId, classId, cohort, status),
                Downloads.xlsx(response, "学生名单.xlsx"));
    }
}
