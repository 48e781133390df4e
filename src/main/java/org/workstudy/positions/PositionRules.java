package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * The rules of positions, free of storage: what a valid position is, which lifecycle step leads where, and who may
 * see, edit, review and manage a position. Every refusal is a {@link BusinessException} with a message key.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --approve--> APPROVED --publish--> PUBLISHED --close--> CLOSED
 *   ^                   |                      |
 *   +------return-------+----------------------+          any but CLOSED/CANCELLED --cancel--> CANCELLED
 * </pre>
 */
public final class PositionRules {

    public static final BigDecimal MAX_HOURS_PER_SHIFT = BigDecimal.TEN;
    private static final Set<Role> SCHOOL_READERS = EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.ADMIN,
            Role.LEADER);

    private PositionRules() {
    }

    /**
     * Checks a position as entered, for an employer on or off campus; returns it trimmed. {@code knownCollegeIds}
     * are the colleges that exist.
     */
    public static PositionForm validate(PositionForm f, boolean onCampus, BigDecimal minHourlyPay,
            Set<Long> knownCollegeIds) {
        if (f == null || f.bank() == null || f.employerId() == null || blank(f.title()) || f.type() == null
                || blank(f.place()) || blank(f.city()) || f.selectionMode() == null) {
            throw BusinessException.invalid("error.required");
        }
        if (f.bank() == BankKind.COLLEGE && f.bankCollegeId() == null) {
            throw BusinessException.invalid("positions.bank.college-required");
        }
        if (f.bank() == BankKind.COLLEGE && !knownCollegeIds.contains(f.bankCollegeId())) {
            throw BusinessException.invalid("positions.college.unknown", f.bankCollegeId());
        }
        if (f.timeKinds().isEmpty()) {
            throw BusinessException.invalid("positions.time-kinds.required");
        }
        if (f.capacity() == null || f.capacity() <= 0) {
            throw BusinessException.invalid("positions.capacity.positive", f.capacity());
        }
        if (f.hoursPerShift() == null || f.hoursPerShift().signum() <= 0
                || f.hoursPerShift().compareTo(MAX_HOURS_PER_SHIFT) > 0) {
            throw BusinessException.invalid("positions.hours-per-shift.range", f.hoursPerShift(), MAX_HOURS_PER_SHIFT);
        }
        if (f.hoursPerShift().scale() > 2) {
            throw BusinessException.invalid("positions.hours-per-shift.range", f.hoursPerShift(), MAX_HOURS_PER_SHIFT);
        }
        if (f.hourlyPay() == null || f.hourlyPay().compareTo(minHourlyPay) < 0) {
            throw BusinessException.invalid("positions.pay.below-minimum", f.hourlyPay(), minHourlyPay);
        }
        if (f.hourlyPay().scale() > 2 || f.hourlyPay().compareTo(new BigDecimal("999999")) > 0) {
            throw BusinessException.invalid("positions.pay.format", f.hourlyPay());
        }
        if (f.workFrom() == null || f.workTo() == null) {
            throw BusinessException.invalid("positions.period.required");
        }
        if (f.workTo().isBefore(f.workFrom())) {
            throw BusinessException.invalid("positions.period.reversed", f.workFrom(), f.workTo());
        }
        if (f.opensAt() == null || f.closesAt() == null) {
            throw BusinessException.invalid("positions.window.required");
        }
        if (!f.closesAt().isAfter(f.opensAt())) {
            throw BusinessException.invalid("positions.window.reversed");
        }
        for (Long college : f.eligibleCollegeIds()) {
            if (college == null || !knownCollegeIds.contains(college)) {
                throw BusinessException.invalid("positions.college.unknown", college);
            }
        }
        for (Integer cohort : f.eligibleCohorts()) {
            if (cohort == null || cohort < 2000 || cohort > 2100) {
                throw BusinessException.invalid("positions.cohort.invalid", String.valueOf(cohort));
            }
        }
        if (!onCampus && blank(f.safetyNotes())) {
            throw BusinessException.invalid("positions.safety.required");
        }
        TextLimits.require("title", f.title(), 100);
        TextLimits.require("place", f.place(), 200);
        TextLimits.require("city", f.city(), 50);
        TextLimits.require("description", f.description(), 4000);
        TextLimits.require("safetyNotes", f.safetyNotes(), 2000);
        return new PositionForm(f.bank(), f.bank() == BankKind.SCHOOL ? null : f.bankCollegeId(), f.employerId(),
                f.title().trim(), trim(f.description()), f.type(), f.timeKinds(), f.place().trim(), f.city().trim(),
                f.capacity(), f.hoursPerShift(), f.hourlyPay(), f.workFrom(), f.workTo(), f.opensAt(), f.closesAt(),
                f.eligibleCollegeIds(), f.eligibleCohorts(), f.selectionMode(), trim(f.safetyNotes()));
    }

    /** Where a step leads from a status; refuses a step the status does not allow. */
    public static PositionStatus next(PositionStatus from, PositionAction action) {
        PositionStatus to = switch (action) {
            case SUBMIT -> from == PositionStatus.DRAFT ? PositionStatus.SUBMITTED : null;
            case APPROVE -> from == PositionStatus.SUBMITTED ? PositionStatus.APPROVED : null;
            case RETURN -> from == PositionStatus.SUBMITTED || from == PositionStatus.APPROVED
                    ? PositionStatus.DRAFT : null;
            case PUBLISH -> from == PositionStatus.APPROVED ? PositionStatus.PUBLISHED : null;
            case CLOSE -> from == PositionStatus.PUBLISHED ? PositionStatus.CLOSED : null;
            case CANCEL -> from.isFinal() ? null : PositionStatus.CANCELLED;
        };
        if (to == null) {
            throw BusinessException.conflict("positions.transition.invalid", action.code(), from);
        }
        return to;
    }

    /** Whether the step needs a reason (returning and cancelling do). */
    public static boolean needsReason(PositionAction action) {
        return action == PositionAction.RETURN || action == PositionAction.CANCEL;
    }

    /**
     * Checks one lifecycle step by this user on this position at {@code now}; returns the new status.
     * {@code agreementValid} tells whether the employer is on campus or has an unexpired agreement.
     */
    public static PositionStatus step(CurrentUser user, PositionView p, PositionAction action, String reason,
            boolean agreementValid, Instant now) {
        if (!mayDo(user, p, action)) {
            throw BusinessException.forbidden();
        }
        PositionStatus to = next(p.status(), action);
        if (needsReason(action) && blank(reason)) {
            throw BusinessException.invalid("positions.reason.required");
        }
        if (action == PositionAction.PUBLISH) {
            if (!agreementValid) {
                throw BusinessException.invalid("positions.publish.agreement-invalid", p.employerName());
            }
            if (!now.isBefore(p.closesAt())) {
                throw BusinessException.invalid("positions.publish.window-over");
            }
        }
        return to;
    }

    /** Whether the user's role and scope allow this step on this position (whatever its status). */
    public static boolean mayDo(CurrentUser user, PositionView p, PositionAction action) {
        return switch (action) {
            case SUBMIT -> mayEdit(user, p.bank(), p.bankCollegeId(), p.employerId());
            case APPROVE, RETURN, PUBLISH -> mayReview(user, p.bank(), p.bankCollegeId());
            case CLOSE, CANCEL -> mayManage(user, p.bank(), p.bankCollegeId(), p.employerId());
        };
    }

    /**
     * Who creates and edits drafts: CENTER_STAFF and ADMIN in the school bank; COLLEGE_ADMIN in their college's
     * bank; an EMPLOYER in the school bank, for their own employer.
     */
    public static boolean mayEdit(CurrentUser user, BankKind bank, Long bankCollegeId, long employerId) {
        Role role = user.activeRole();
        if (bank == BankKind.SCHOOL) {
            return role == Role.CENTER_STAFF || role == Role.ADMIN
                    || (role == Role.EMPLOYER && user.activeScopeIds().contains(employerId));
        }
        return role == Role.COLLEGE_ADMIN && bankCollegeId != null && user.activeScopeIds().contains(bankCollegeId);
    }

    /**
     * Who approves, returns and publishes: CENTER_STAFF and CENTER_DIRECTOR for the school bank; COLLEGE_ADMIN and
     * VICE_DEAN of the college for a college bank.
     */
    public static boolean mayReview(CurrentUser user, BankKind bank, Long bankCollegeId) {
        Role role = user.activeRole();
        if (bank == BankKind.SCHOOL) {
            return role == Role.CENTER_STAFF || role == Role.CENTER_DIRECTOR;
        }
        return (role == Role.COLLEGE_ADMIN || role == Role.VICE_DEAN) && bankCollegeId != null
                && user.activeScopeIds().contains(bankCollegeId);
    }

    /**
     * Who manages (closes, cancels, decides applicants of) a position: CENTER_STAFF and ADMIN any; COLLEGE_ADMIN and
     * VICE_DEAN their college's bank; an EMPLOYER their employer's positions.
     */
    public static boolean mayManage(CurrentUser user, BankKind bank, Long bankCollegeId, long employerId) {
        Role role = user.activeRole();
        return switch (role) {
            case CENTER_STAFF, ADMIN -> true;
            case COLLEGE_ADMIN, VICE_DEAN -> bank == BankKind.COLLEGE && bankCollegeId != null
                    && user.activeScopeIds().contains(bankCollegeId);
            case EMPLOYER -> user.activeScopeIds().contains(employerId);
            default -> false;
        };
    }

    /**
     * Who sees a position in the management pages: the center, its director, administrators and leaders all; a
     * college's admin and vice dean their college's bank; an employer its own positions.
     */
    public static boolean maySee(CurrentUser user, BankKind bank, Long bankCollegeId, long employerId) {
        Role role = user.activeRole();
        if (SCHOOL_READERS.contains(role)) {
            return true;
        }
        return switch (role) {
            case COLLEGE_ADMIN, VICE_DEAN -> bank == BankKind.COLLEGE && bankCollegeId != null
                    && user.activeScopeIds().contains(bankCollegeId);
            case EMPLOYER -> user.activeScopeIds().contains(employerId);
            default -> false;
        };
    }

    /** Whether the role works with the position bank pages at all. */
    public static boolean usesBank(Role role) {
        return SCHOOL_READERS.contains(role) || role == Role.COLLEGE_ADMIN || role == Role.VICE_DEAN
                || role == Role.EMPLOYER;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
