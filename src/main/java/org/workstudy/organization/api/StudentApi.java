package org.workstudy.organization.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Masking;
import org.workstudy.shared.PageResult;

/** Students and classes in the caller's scope; the same scope rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "organization")
class StudentApi {

    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;

    StudentApi(Roster roster, Organization organization, DataScope scope) {
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
    }

    @Operation(summary = "Students the caller may see (personal data masked)")
    @GetMapping("/students")
    PageResult<StudentRow> students(@RequestParam(required = false) String text,
            @RequestParam(required = false) Long collegeId, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) Integer cohort, @RequestParam(required = false) StudentStatus status,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page, @RequestParam(defaultValue = "50") int size) {
        return roster.search(CurrentUser.require(), new StudentQuery(text, collegeId, classId, cohort, status), page,
                size);
    }

    @Operation(summary = "One student; 404 when outside the caller's scope")
    @GetMapping("/students/{id}")
    StudentRow student(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        StudentRow row = roster.row(user, id);
        boolean full = user.acts(Role.ADMIN) || user.acts(Role.STUDENT);
        return full ? row : new StudentRow(row.id(), row.studentNo(), row.name(), row.gender(), row.classId(),
                row.className(), row.collegeId(), row.collegeName(), row.cohort(), row.enrolmentTerm(), row.status(),
                Masking.phone(row.phone()), Masking.idCard(row.idCardNo()));
    }

    @Operation(summary = "Classes the caller may see")
    @GetMapping("/classes")
    List<ClassRow> classes(@RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Integer cohort) {
        CurrentUser user = CurrentUser.require();
        if (user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        return organization.classes(scope.studentsOf(user), collegeId, cohort);
    }
}
