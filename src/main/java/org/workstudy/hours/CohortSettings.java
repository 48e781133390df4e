package org.workstudy.hours;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workstudy.organization.Organization;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.policy.Policies;
import org.workstudy.shared.BusinessException;

/**
 * The counting settings of a student: the policy version of the student's enrolment cohort (a cohort keeps the
 * version it enrolled under, and a student keeps it after 复学 into a later cohort's class or 留级). Re-read on every
 * call through {@link Policies} (a handful of versions).
 *
 * <p>A cohort before the first version (before 2016) has no work-study requirement: nothing can be recorded for its
 * students ({@link #require}), and their progress is shown against the first version's numbers for reference.
 */
@Component
class CohortSettings {

    private final Policies policies;
    private final Organization organization;
    private final boolean counselorConfirmsEmployer;

    CohortSettings(Policies policies, Organization organization,
            @Value("${workstudy.hours.counselor-confirms-employer:true}") boolean counselorConfirmsEmployer) {
        this.policies = policies;
        this.organization = organization;
        this.counselorConfirmsEmployer = counselorConfirmsEmployer;
    }

    /** The settings of the student's cohort (the first version's for a cohort without one). */
    CountingSettings of(Student student) {
        return ofCohort(cohortOf(student));
    }

    /** The settings of the class's cohort (a class register's header; each student's figures use {@link #of}). */
    CountingSettings ofClass(long classId) {
        return ofCohort(organization.schoolClass(classId).map(SchoolClass::cohort).orElse(0));
    }

    /** The settings to record hours with; refused for a cohort that no policy version covers. */
    CountingSettings require(Student student) {
        return requireCohort(cohortOf(student));
    }

    /** The settings to record hours with for a cohort; refused for a cohort that no policy version covers. */
    CountingSettings requireCohort(int cohort) {
        return policies.forCohort(cohort).map(v -> CountingSettings.of(v, counselorConfirmsEmployer))
                .orElseThrow(() -> BusinessException.invalid("policy.cohort.none", cohort));
    }

    /** The settings of a cohort (the first version's for a cohort without one). */
    CountingSettings ofCohort(int cohort) {
        return CountingSettings.of(policies.forCohortOrFirst(cohort), counselorConfirmsEmployer);
    }

    private static int cohortOf(Student student) {
        return student.enrolmentCohort();
    }
}
