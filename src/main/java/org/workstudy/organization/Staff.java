package org.workstudy.organization;

/** 教职工: a staff member with an account; their powers are the grants of that account. */
public record Staff(long id, String staffNo, String name, Long collegeId, String phone, long accountId,
        boolean active) {
}
