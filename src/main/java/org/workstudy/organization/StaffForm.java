package org.workstudy.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.workstudy.organization.internal.RosterRules;

/** A staff member to create or edit. New staff sign in with their 工号 and the initial password given here. */
public record StaffForm(
        @NotBlank @Pattern(regexp = "[0-9A-Za-z]{3,20}", message = "{organization.staff.no.invalid}") String staffNo,
        @NotBlank @Size(max = 50) String name,
        Long collegeId,
        @Pattern(regexp = "|" + RosterRules.PHONE, message = "{organization.student.phone.invalid}") String phone) {
}
