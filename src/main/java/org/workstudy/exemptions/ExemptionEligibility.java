package org.workstudy.exemptions;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.internal.ExemptionOutlook;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.quality.OffsetPlan;
import org.workstudy.quality.QualityCredits;
import org.workstudy.quality.QualityStanding;
import org.workstudy.shared.BusinessException;

/**
 * Who may apply, and for what: the signed-in student, their policy version, the refusals (a live or final
 * application, a recognised credit) and the offset a student's quality-development credits carry. The student's page
 * shows the same answer ({@link #outlook}) that {@link ExemptionApplications} enforces.
 */
@Component
class ExemptionEligibility {

    private final ExemptionStore store;
    private final Roster roster;
    private final Organization organization;
    private final Policies policies;
    private final QualityCredits quality;
    private final CreditStandings standings;

    ExemptionEligibility(ExemptionStore store, Roster roster, Organization organization, Policies policies,
            QualityCredits quality, CreditStandings standings) {
        this.store = store;
        this.roster = roster;
        this.organization = organization;
        this.policies = policies;
        this.quality = quality;
        this.standings = standings;
    }

    /** The signed-in student; refuses other roles. */
    Student studentOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    /** What the student's page shows before applying, and whether (or why not) they may apply now. */
    ExemptionOutlook outlook(Student student) {
        int cohort = organization.schoolClass(student.classId()).orElseThrow().cohort();
        PolicyVersion policy = policies.forCohort(cohort).orElse(null);
        QualityStanding standing = quality.standing(student.id());
        BigDecimal needed = policy == null ? null
                : OffsetPlan.neededCredits(policy.requiredHours(), policy.offsetHoursPerCredit());
        try {
            refusal(student, cohort);
            return new ExemptionOutlook(policy, standing, needed, null, null);
        } catch (BusinessException e) {
            return new ExemptionOutlook(policy, standing, needed, e.messageKey(), List.of(e.args()));
        }
    }

    /** The policy version an application is made under, and the offset it asks for (null for an exemption). */
    record Eligible(PolicyVersion policy, OffsetPlan plan) {
    }

    /**
     * Refuses what the student may not apply for now (see {@link #refusal}), and for an offset too few available
     * credits (see {@link OffsetPlan#of}). Run under the lock on the student's row.
     */
    Eligible require(Student student, int cohort, ExemptionForm form) {
        PolicyVersion policy = refusal(student, cohort);
        if (form.kind() != ExemptionKind.OFFSET) {
            return new Eligible(policy, null);
        }
        QualityStanding standing = quality.standing(student.id());
        if (!standing.imported()) {
            throw BusinessException.invalid("offset.no-credits");
        }
        return new Eligible(policy, OffsetPlan.of(form.qualityCredits(), standing.available(),
                policy.requiredHours(), policy.offsetHoursPerCredit(), policy.partialOffsetAllowed()));
    }

    /** Why the student may not apply now (thrown), or their policy version. */
    private PolicyVersion refusal(Student student, int cohort) {
        PolicyVersion policy = policies.forCohort(cohort)
                .orElseThrow(() -> BusinessException.invalid("exemption.no-policy", String.valueOf(cohort)));
        List<ExemptionStatus> live = store.liveStatuses(student.id());
        if (live.contains(ExemptionStatus.FINAL)) {
            throw BusinessException.conflict("exemption.already-final");
        }
        if (!live.isEmpty()) {
            throw BusinessException.conflict("exemption.already-live");
        }
        if (!standings.records(List.of(student.id())).isEmpty()) {
            throw BusinessException.conflict("exemption.already-recognised");
        }
        return policy;
    }
}
