package org.workstudy.organization;

/** A student as stored; phone and ID-card number are personal data (mask them in lists and exports). */
public record Student(long id, String studentNo, String name, Gender gender, long classId, String enrolmentTerm,
        StudentStatus status, String phone, String idCardNo, Long accountId) {
}
