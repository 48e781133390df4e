package org.workstudy.exemptions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.approvals.Approvals;
import org.workstudy.approvals.Approver;
import org.workstudy.approvals.StepSpec;
import org.workstudy.audit.AuditTrail;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.ExemptionEligibility.Eligible;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.quality.OffsetPlan;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.UploadedFiles;

/**
 * The student's application: the form and evidence checked, the row and its files written, the approval request
 * opened (the counselor of the class, then the center director), the class's counselors told.
 */
@Component
class ExemptionApplications {

    private final ExemptionStore store;
    private final ExemptionEligibility eligibility;
    private final Approvals approvals;
    private final Roster roster;
    private final Organization organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    ExemptionApplications(ExemptionStore store, ExemptionEligibility eligibility, Approvals approvals, Roster roster,
            Organization organization, Notifications notifications, AuditTrail audit, Clock clock) {
        this.store = store;
        this.eligibility = eligibility;
        this.approvals = approvals;
        this.roster = roster;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** See {@link Exemptions#apply}. */
    @Transactional
    long apply(CurrentUser user, ExemptionForm form, List<ExemptionUpload> files) {
        Student student = eligibility.studentOf(user);
        ExemptionForm f = validate(form);
        List<Checked> evidence = check(files);
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        // the student's row is the lock: two submissions of one student run one after the other
        roster.lock(student.id());
        Eligible eligible = eligibility.require(student, schoolClass.cohort(), f);
        OffsetPlan plan = eligible.plan();
        long id;
        try {
            id = store.insert(student.id(), f, ExemptionStatus.SUBMITTED, eligible.policy().id(),
                    plan == null ? null : plan.creditsUsed(), plan == null ? null : plan.offsetHours(),
                    user.username(), now());
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("exemption.already-live");
        }
        List<String> names = new ArrayList<>();
        for (Checked c : evidence) {
            String name = UploadedFiles.safeName(c.upload().fileName(), c.type(), "evidence");
            store.insertEvidence(id, name, c.type(), c.upload().content(), user.username(), now());
            names.add(name);
        }
        long requestId = approvals.open(Exemptions.SUBJECT, id, List.of(
                StepSpec.named(Exemptions.COUNSELOR_STEP,
                        new Approver(Role.COUNSELOR, ScopeKind.CLASS, schoolClass.id())),
                StepSpec.named(Exemptions.DIRECTOR_STEP, new Approver(Role.CENTER_DIRECTOR, ScopeKind.SCHOOL, null))));
        store.setApproval(id, requestId);
        approvals.note(Exemptions.SUBJECT, id, requestId, "submitted", ExemptionStatus.SUBMITTED.name(),
                user.username(), null);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("student", student.id());
        values.put("kind", f.kind());
        values.put("reasonKind", f.reasonKind());
        values.put("reason", f.reason());
        values.put("policyVersion", eligible.policy().id());
        values.put("qualityCredits", plan == null ? null : plan.creditsUsed().toPlainString());
        values.put("offsetHours", plan == null ? null : plan.offsetHours().toPlainString());
        values.put("evidence", names);
        audit.record("exemption", id, "apply", values);
        List<Long> counselors = organization.counselorsOf(schoolClass.id());
        if (!counselors.isEmpty()) {
            notifications.sendAll(counselors, "exemption.notify.submitted." + f.kind(), List.of(student.name()),
                    "/exemptions/" + id);
        }
        return id;
    }

    private static ExemptionForm validate(ExemptionForm f) {
        if (f == null || f.kind() == null || f.reasonKind() == null || f.reason() == null || f.reason().isBlank()) {
            throw BusinessException.invalid("exemption.required");
        }
        String reason = f.reason().trim();
        if (reason.length() > Exemptions.REASON_MAX) {
            throw BusinessException.invalid("exemption.reason-too-long", Exemptions.REASON_MAX);
        }
        if (f.kind() == ExemptionKind.OFFSET && f.qualityCredits() == null) {
            throw BusinessException.invalid("offset.credits-required");
        }
        return new ExemptionForm(f.kind(), f.reasonKind(), reason,
                f.kind() == ExemptionKind.OFFSET ? f.qualityCredits() : null);
    }

    private record Checked(ExemptionUpload upload, String type) {
    }

    private static List<Checked> check(List<ExemptionUpload> files) {
        List<ExemptionUpload> given = files == null ? List.of()
                : files.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        if (given.isEmpty()) {
            throw BusinessException.invalid("exemption.evidence.required", Exemptions.MAX_FILES);
        }
        if (given.size() > Exemptions.MAX_FILES) {
            throw BusinessException.invalid("exemption.evidence.too-many", Exemptions.MAX_FILES);
        }
        return given.stream().map(u -> new Checked(u,
                UploadedFiles.check(u.content(), UploadedFiles.TEN_MB, "exemption.evidence"))).toList();
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
