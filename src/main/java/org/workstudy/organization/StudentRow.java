package org.workstudy.organization;

import org.workstudy.shared.Masking;

/** A student in a list: with class and college names, personal data masked. */
public record StudentRow(long id, String studentNo, String name, Gender gender, long classId, String className,
        long collegeId, String collegeName, int cohort, String enrolmentTerm, StudentStatus status, String phone,
        String idCardNo) {

    static StudentRow masked(StudentRow row) {
        return new StudentRow(row.id, row.studentNo, row.name, row.gender, row.classId, row.className, row.collegeId,
                row.collegeName, row.cohort, row.enrolmentTerm, row.status, Masking.phone(row.phone),
                Masking.idCard(row.idCardNo));
    }
}
