package org.workstudy.certificates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.certificates.internal.CertificateData;
import org.workstudy.certificates.internal.VerificationResult;
import org.workstudy.credits.CreditRecord;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.RecognitionBasis;
import org.workstudy.credits.VerificationCodes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Major;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentRow;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.shared.BusinessException;

/**
 * Work-study certificates of students whose credits are recognised, and the public check of their codes. A student
 * gets their own; staff whose scope covers the student get any; anyone else, and a student without a credit
 * record, "not found".
 */
@Service
public class Certificates {

    private final CreditStandings standings;
    private final Roster roster;
    private final Organization organization;
    private final DataScope scope;
    private final Policies policies;
    private final String schoolName;
    private final String publicBaseUrl;

    Certificates(CreditStandings standings, Roster roster, Organization organization, DataScope scope,
            Policies policies, @Value("${workstudy.register.school-name:}") String schoolName,
            @Value("${workstudy.public-base-url:}") String publicBaseUrl) {
        this.standings = standings;
        this.roster = roster;
        this.organization = organization;
        this.scope = scope;
        this.policies = policies;
        this.schoolName = schoolName;
        this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /** The signed-in student's certificate, if their credits are recognised. */
    @Transactional(readOnly = true)
    public Optional<CertificateData> mine(CurrentUser user) {
        return ownStudent(user).flatMap(s -> data(s.id()));
    }

    /** The signed-in student's id (students only). */
    public Optional<Student> ownStudent(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId());
    }

    /** A student's certificate, for the student or staff in scope; otherwise (or without a record) not found. */
    @Transactional(readOnly = true)
    public CertificateData of(CurrentUser user, long studentId) {
        if (user.acts(Role.STUDENT)) {
            if (ownStudent(user).map(Student::id).orElse(-1L) != studentId) {
                throw BusinessException.notFound("error.not-found");
            }
        } else if (user.acts(Role.EMPLOYER) || user.activeRole() == null) {
            throw BusinessException.notFound("error.not-found");
        } else {
            scope.requireStudent(user, studentId);
        }
        return data(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    /** The public check: what a code certifies, or empty for a code that is not one. */
    @Transactional(readOnly = true)
    public Optional<VerificationResult> verify(String typed) {
        String code = VerificationCodes.normalise(typed);
        if (code == null) {
            return Optional.empty();
        }
        return standings.byVerificationCode(code).flatMap(r -> roster.find(r.studentId())
                .map(s -> new VerificationResult(s.name(), s.studentNo(), r.hours(), r.credits(), r.recognisedOn())));
    }

    /** The path of the public page checking a code. */
    public static String verifyPath(String code) {
        return "/verify/" + VerificationCodes.display(code);
    }

    private Optional<CertificateData> data(long studentId) {
        CreditRecord r = standings.records(List.of(studentId)).get(studentId);
        if (r == null) {
            return Optional.empty();
        }
        StudentRow s = roster.rows(List.of(studentId)).get(studentId);
        if (s == null) {
            return Optional.empty();
        }
        String major = organization.schoolClass(s.classId()).flatMap(c -> organization.major(c.majorId()))
                .map(Major::name).orElse(null);
        BigDecimal perDay = policies.forCohort(s.cohort()).map(PolicyVersion::hoursPerDay)
                .orElse(BigDecimal.valueOf(6));
        return Optional.of(new CertificateData(schoolName, studentId, s.studentNo(), s.name(), s.collegeName(), major,
                s.className(), r.courseName(), r.credits(), r.hours(), r.hours().divide(perDay, 1, RoundingMode.DOWN),
                offsetHours(r), r.recognisedOn(), r.termCode(), r.basis(),
                VerificationCodes.display(r.verificationCode()), publicBaseUrl + verifyPath(r.verificationCode())));
    }

    private static BigDecimal offsetHours(CreditRecord r) {
        return r.basis() == RecognitionBasis.OFFSET ? r.offsetHours() : null;
    }
}
