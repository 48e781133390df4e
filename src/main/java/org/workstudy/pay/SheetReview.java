package org.workstudy.pay;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.positions.Employer;
import org.workstudy.positions.Employers;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * A sheet's way from draft to frozen: opened (made as a draft, recomputed while it is one), confirmed by the employer,
 * approved (frozen for good) or returned with a reason by the center.
 */
@Component
class SheetReview {

    private final PayStore store;
    private final SheetComputation computation;
    private final SheetViews views;
    private final Employers employers;
    private final AuditTrail audit;
    private final Clock clock;

    SheetReview(PayStore store, SheetComputation computation, SheetViews views, Employers employers,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.computation = computation;
        this.views = views;
        this.employers = employers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The month's sheets the user may read (an employer's own; the center's: all). */
    List<PaySheet> sheets(CurrentUser user, YearMonth month) {
        SheetViews.requireReader(user);
        return store.sheets(month.atDay(1), user.acts(Role.EMPLOYER) ? user.activeScopeIds() : null).stream()
                .map(s -> views.view(s, false)).toList();
    }

    /** Opens the month's sheet of an employer (made as a draft if there is none), computed anew while a draft. */
    long open(CurrentUser user, long employerId, YearMonth month) {
        SheetViews.requireReader(user);
        if (user.acts(Role.EMPLOYER) ? !user.activeScopeIds().contains(employerId) : !PayChecks.isCenter(user)) {
            throw BusinessException.notFound("error.not-found");
        }
        Employer e = employers.find(employerId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!month.isBefore(YearMonth.now(clock).plusMonths(1))) {
            throw BusinessException.invalid("pay.month.future").field("month");
        }
        long id = store.createSheet(e.id(), month.atDay(1), e.onCampus() ? Funding.SCHOOL_FUND : Funding.EMPLOYER,
                clock.instant());
        computation.recompute(store.lockSheet(id).orElseThrow());
        return id;
    }

    /** The center prepares the month's sheets of every employer whose positions have counted hours; how many. */
    int prepareAll(CurrentUser user, YearMonth month) {
        if (!PayChecks.isCenter(user)) {
            throw BusinessException.forbidden();
        }
        int n = 0;
        for (long employerId : computation.employersWithHours(month)) {
            open(user, employerId, month);
            n++;
        }
        return n;
    }

    /** A sheet the user may read, recomputed first while it is a draft. */
    PaySheet sheet(CurrentUser user, long sheetId) {
        PayStore.SheetRow s = views.readable(user, sheetId);
        if (s.status() == SheetStatus.DRAFT) {
            computation.recompute(store.lockSheet(sheetId).orElseThrow());
        }
        return views.view(store.sheet(sheetId).orElseThrow(), false);
    }

    /** The employer confirms the draft as computed now; it is no longer recomputed. */
    void confirm(CurrentUser user, long sheetId) {
        PayStore.SheetRow s = views.readable(user, sheetId);
        if (!user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        s = store.lockSheet(s.id()).orElseThrow();
        if (s.status() != SheetStatus.DRAFT) {
            throw BusinessException.conflict("pay.sheet.not-draft");
        }
        computation.recompute(s);
        store.setStatus(s.id(), SheetStatus.CONFIRMED, user.username(), clock.instant());
        audit.record(PaySheets.AUDIT, s.id(), "confirm", Map.of("employer", s.employerId(), "month",
                s.month().toString()));
    }

    /** The center approves a confirmed sheet: it is frozen for good. */
    void approve(CurrentUser user, long sheetId) {
        PayStore.SheetRow s = centerSheet(user, sheetId);
        if (s.status() != SheetStatus.CONFIRMED) {
            throw BusinessException.conflict("pay.sheet.not-confirmed");
        }
        store.setStatus(s.id(), SheetStatus.FROZEN, user.username(), clock.instant());
        audit.record(PaySheets.AUDIT, s.id(), "freeze", Map.of("employer", s.employerId(), "month",
                s.month().toString()));
    }

    /** The center returns a confirmed sheet to the employer (a draft again), with a reason. */
    void returnToEmployer(CurrentUser user, long sheetId, String reason) {
        PayStore.SheetRow s = centerSheet(user, sheetId);
        String why = reason == null ? "" : TextLimits.require("reason", reason.strip(), 500);
        if (why.isEmpty()) {
            throw BusinessException.invalid("pay.sheet.reason-required").field("reason");
        }
        if (s.status() != SheetStatus.CONFIRMED) {
            throw BusinessException.conflict("pay.sheet.not-confirmed");
        }
        store.setStatus(s.id(), SheetStatus.DRAFT, user.username(), clock.instant());
        audit.record(PaySheets.AUDIT, s.id(), "return", Map.of("reason", why));
    }

    private PayStore.SheetRow centerSheet(CurrentUser user, long sheetId) {
        views.readable(user, sheetId);
        if (!PayChecks.isCenter(user)) {
            throw BusinessException.forbidden();
        }
        return store.lockSheet(sheetId).orElseThrow();
    }
}
