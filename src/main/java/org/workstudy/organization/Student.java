package org.workstudy.organization;

/**
 * A student as stored; phone and ID-card number are personal data (mask them in lists and exports).
 * {@code enrolmentCohort} is the cohort (年级) of the class they enrolled in: their policy version, whatever class
 * they are in now (学籍异动).
 */
public record Student(long id, String studentNo, String name, Gender gender, long classId, String enrolmentTerm,
        StudentStatus status, String phone, String idCardNo, Long accountId, int enrolmentCohort) {
}
