package org.workstudy.placements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Student;
import org.workstudy.places.Division;

/**
 * The student's registration and its resubmission after a return: the form checked, the place and whether it lies
 * out of the home city settled, a new approval request opened, the class's counselors told.
 */
@Component
class SelfArrangedSubmission {

    private final SelfArrangedStore store;
    private final SelfArrangedLifecycle lifecycle;
    private final SelfArrangedHomeCities homeCities;
    private final AuditTrail audit;
    private final Clock clock;

    SelfArrangedSubmission(SelfArrangedStore store, SelfArrangedLifecycle lifecycle, SelfArrangedHomeCities homeCities,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.homeCities = homeCities;
        this.audit = audit;
        this.clock = clock;
    }

    /** See {@link SelfArrangedWork#register}. */
    @Transactional
    long register(CurrentUser user, SelfArrangedForm form) {
        Student student = lifecycle.studentOf(user);
        SelfArrangedForm f = SelfArrangedRules.validate(form, LocalDate.now(clock));
        Division place = homeCities.place(f.city());
        boolean out = homeCities.outOfCity(place, student.id());
        long id = store.insert(student.id(), f, place.label(), place.code(), out, now());
        long requestId = lifecycle.openApproval(id, student, out);
        lifecycle.noteSubmitted(id, requestId, "submitted", user.username());
        audit.record("self-arranged-work", id, "register", auditValues(student.id(), f, out));
        lifecycle.notifyCounselors(student, "selfwork.notify.submitted", f.employerName(), id);
        return id;
    }

    /** See {@link SelfArrangedWork#update}. */
    @Transactional
    void update(CurrentUser user, long id, SelfArrangedForm form) {
        Student student = lifecycle.studentOf(user);
        SelfArrangedRegistration before = lifecycle.lockOwn(student, id);
        before.requireEditable();
        before.requireMayBecome(SelfArrangedStatus.SUBMITTED);
        SelfArrangedForm f = SelfArrangedRules.validate(form, LocalDate.now(clock));
        Division place = homeCities.place(f.city());
        boolean out = homeCities.outOfCity(place, student.id());
        store.resubmit(id, f, place.label(), place.code(), out, now());
        long requestId = lifecycle.openApproval(id, student, out);
        lifecycle.noteSubmitted(id, requestId, "resubmitted", user.username());
        audit.recordChange("self-arranged-work", id, "resubmit", auditValues(student.id(), before.form(),
                before.view().outOfCity()), auditValues(student.id(), f, out));
        lifecycle.notifyCounselors(student, "selfwork.notify.submitted", f.employerName(), id);
    }

    private static Map<String, Object> auditValues(long studentId, SelfArrangedForm f, boolean out) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("student", studentId);
        values.put("employerName", f.employerName());
        values.put("city", f.city());
        values.put("outOfCity", out);
        values.put("address", f.address());
        values.put("contactPerson", f.contactPerson());
        values.put("phone", f.contactPhone());
        values.put("startsOn", String.valueOf(f.startsOn()));
        values.put("endsOn", String.valueOf(f.endsOn()));
        values.put("expectedHours", f.expectedHours() == null ? null : f.expectedHours().toPlainString());
        values.put("content", f.content());
        return values;
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
