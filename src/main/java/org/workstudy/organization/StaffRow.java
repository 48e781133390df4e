package org.workstudy.organization;

import java.util.List;

import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;

/** A staff member in a list: college name, grants, phone masked. */
record StaffRow(long id, String staffNo, String name, Long collegeId, String collegeName, String phone,
        long accountId, boolean active, List<Grant> grants) {

    /** Each role once, in the order granted (a counselor of five classes holds five grants of one role). */
    public List<Role> roles() {
        return grants.stream().map(Grant::role).distinct().toList();
    }
}
