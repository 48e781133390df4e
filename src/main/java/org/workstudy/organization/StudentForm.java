package org.workstudy.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.workstudy.organization.internal.RosterRules;

/** A student to create or edit by hand. */
public record StudentForm(
        @NotBlank @Pattern(regexp = RosterRules.STUDENT_NO, message = "{organization.student.no.invalid}") String studentNo,
        @NotBlank @Size(max = 50) String name,
        @NotNull Gender gender,
        @NotNull Long classId,
        @NotBlank @Pattern(regexp = RosterRules.TERM, message = "{organization.student.term.invalid}") String enrolmentTerm,
        @NotNull StudentStatus status,
        @Pattern(regexp = "|" + RosterRules.PHONE, message = "{organization.student.phone.invalid}") String phone,
        @Pattern(regexp = "|" + RosterRules.ID_CARD, message = "{organization.student.id-card.invalid}") String idCardNo) {

    static StudentForm of(Student s) {
        return new StudentForm(s.studentNo(), s.name(), s.gender(), s.classId(), s.enrolmentTerm(), s.status(),
                s.phone(), s.idCardNo());
    }

    public static StudentForm empty() {
        return new StudentForm("", "", Gender.MALE, null, "", StudentStatus.ACTIVE, "", "");
    }
}
