package org.workstudy.organization;

import java.util.List;

import org.workstudy.identity.Grant;

/** A staff member in a list: college name, grants, phone masked. */
public record StaffRow(long id, String staffNo, String name, Long collegeId, String collegeName, String phone,
        long accountId, boolean active, List<Grant> grants) {
}
