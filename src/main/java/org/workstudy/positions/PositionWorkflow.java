package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.workstudy.places.Divisions;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.positions.internal.PositionEvent;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;

/**
 * Creating, editing and reviewing positions, with the role and scope checks of {@link PositionRules}; every write is
 * audited and every lifecycle step is kept as a {@link PositionEvent}.
 */
@Service
public class PositionWorkflow {

    private final PositionStore store;
    private final Employers employers;
    private final Organization organization;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BigDecimal minHourlyPay;
    private final Divisions divisions;

    PositionWorkflow(PositionStore store, Employers employers, Organization organization, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock,
            @Value("${workstudy.pay.min-hourly:15}") BigDecimal minHourlyPay, Divisions divisions) {
        this.divisions = divisions;
        this.store = store;
        this.employers = employers;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.minHourlyPay = minHourlyPay;
    }

    public BigDecimal minHourlyPay() {
        return minHourlyPay;
    }

    /** The positions the user may see, filtered by the query. */
    public PageResult<PositionView> search(CurrentUser user, PositionQuery query, int page, int size) {
        return store.search(query, restriction(user), page, size);
    }

    /** A position the user may see; others are "not found" so that ids reveal nothing. */
    public PositionView require(CurrentUser user, long id) {
        PositionView p = store.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!PositionRules.maySee(user, p.bank(), p.bankCollegeId(), p.employerId())) {
            throw BusinessException.notFound("error.not-found");
        }
        return p;
    }

    public List<PositionEvent> history(CurrentUser user, long id) {
        require(user, id);
        return store.events(id);
    }

    /** The lifecycle steps this user may take on the position now. */
    public List<PositionAction> actionsFor(CurrentUser user, PositionView p) {
        return java.util.Arrays.stream(PositionAction.values()).filter(a -> PositionRules.mayDo(user, p, a))
                .filter(a -> {
                    try {
                        PositionRules.next(p.status(), a);
                        return true;
                    } catch (BusinessException e) {
                        return false;
                    }
                }).toList();
    }

    public boolean mayEdit(CurrentUser user, PositionView p) {
        return p.status() == PositionStatus.DRAFT
                && PositionRules.mayEdit(user, p.bank(), p.bankCollegeId(), p.employerId());
    }

    /** Whether the user may create positions at all (in some bank). */
    public static boolean mayCreate(CurrentUser user) {
        Role role = user.activeRole();
        return role == Role.CENTER_STAFF || role == Role.ADMIN || role == Role.COLLEGE_ADMIN
                || (role == Role.EMPLOYER && !user.activeScopeIds().isEmpty());
    }

    /** The bank a new position of this user goes to: the school's, or (for a college admin) their college's. */
    public static PositionForm defaultBank(CurrentUser user, PositionForm form) {
        if (user.acts(Role.COLLEGE_ADMIN)) {
            Long college = form.bankCollegeId() != null && user.activeScopeIds().contains(form.bankCollegeId())
                    ? form.bankCollegeId() : user.activeScopeIds().stream().sorted().findFirst().orElse(null);
            return form.withBank(BankKind.COLLEGE, college);
        }
        return form.withBank(BankKind.SCHOOL, null);
    }

    @Transactional
    public long create(CurrentUser user, PositionForm form) {
        if (!mayCreate(user)) {
            throw BusinessException.forbidden();
        }
        PositionForm f = checked(user, defaultBank(user, form));
        long id = store.insert(f, clock.getZone(), user.username());
        store.addEvent(id, user.username(), user.displayName(), "create", null, PositionStatus.DRAFT, null);
        audit.record("position", id, "create", f);
        return id;
    }

    @Transactional
    public void update(CurrentUser user, long id, PositionForm form) {
        PositionView before = require(user, id);
        if (!PositionRules.mayEdit(user, before.bank(), before.bankCollegeId(), before.employerId())) {
            throw BusinessException.forbidden();
        }
        if (before.status() != PositionStatus.DRAFT) {
            throw BusinessException.conflict("positions.edit.not-draft", before.status());
        }
        PositionForm f = checked(user, form.withBank(before.bank(), before.bankCollegeId()));
        store.update(id, f, clock.getZone());
        audit.recordChange("position", id, "update", PositionForm.of(before, clock.getZone()), f);
    }

    /** Takes one lifecycle step; returns the new status. */
    @Transactional
    public PositionStatus step(CurrentUser user, long id, PositionAction action, String reason) {
        PositionView p = require(user, id);
        boolean agreementValid = employers.find(p.employerId()).map(e -> e.agreementValidOn(LocalDate.now(clock)))
                .orElse(false);
        PositionStatus to = PositionRules.step(user, p, action, reason, agreementValid, clock.instant());
        if (!store.moveStatus(id, p.status(), to)) {
            throw BusinessException.conflict("positions.transition.raced");
        }
        String why = PositionRules.trim(reason);
        store.addEvent(id, user.username(), user.displayName(), action.code(), p.status(), to, why);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("reason", why);
        audit.recordChange("position", id, action.code(), Map.of("status", p.status().name()), after);
        if (to == PositionStatus.PUBLISHED) {
            events.publishEvent(new PositionPublished(id, p.capacity()));
        } else if (to == PositionStatus.CLOSED || (to == PositionStatus.CANCELLED
                && p.status() == PositionStatus.PUBLISHED)) {
            events.publishEvent(new PositionClosed(id, to, why, clock.instant()));
        }
        return to;
    }

    /** Raises the capacity of a published position (it is never lowered once students may have applied). */
    @Transactional
    public void raiseCapacity(CurrentUser user, long id, int capacity) {
        PositionView p = require(user, id);
        if (!PositionRules.mayManage(user, p.bank(), p.bankCollegeId(), p.employerId())) {
            throw BusinessException.forbidden();
        }
        if (p.status() != PositionStatus.PUBLISHED) {
            throw BusinessException.conflict("positions.capacity.not-published");
        }
        if (capacity <= p.capacity()) {
            throw BusinessException.invalid("positions.capacity.only-up", p.capacity());
        }
        store.setCapacity(id, capacity);
        store.addEvent(id, user.username(), user.displayName(), "capacity", p.status(), p.status(),
                p.capacity() + " → " + capacity);
        audit.recordChange("position", id, "capacity", Map.of("capacity", p.capacity()), Map.of("capacity", capacity));
        events.publishEvent(new PositionCapacityChanged(id, capacity));
    }

    private PositionForm checked(CurrentUser user, PositionForm form) {
        if (form.employerId() == null) {
            throw BusinessException.invalid("error.required");
        }
        Employer employer = employers.find(form.employerId())
                .orElseThrow(() -> BusinessException.invalid("positions.employer.unknown", form.employerId()));
        if (!employer.active()) {
            throw BusinessException.invalid("positions.employer.inactive.refused", employer.name());
        }
        if (!PositionRules.mayEdit(user, form.bank(), form.bankCollegeId(), form.employerId())) {
            throw BusinessException.forbidden();
        }
        // no place given: the employer's
        PositionForm withCity = PositionRules.blank(form.city()) ? form.withCity(
                employer.divisionCode() != null ? employer.divisionCode() : employer.city()) : form;
        Set<Long> colleges = organization.colleges().stream().map(College::id).collect(Collectors.toSet());
        PositionForm valid = PositionRules.validate(withCity, employer.onCampus(), minHourlyPay, colleges);
        // the place is stored as its division code (the store writes the division's label beside it)
        return valid.withCity(divisions.require("city", valid.city()).code());
    }

    private PositionStore.Restriction restriction(CurrentUser user) {
        Role role = user.activeRole();
        if (role == null || !PositionRules.usesBank(role)) {
            return new PositionStore.Restriction(null, null, true);
        }
        return switch (role) {
            case COLLEGE_ADMIN, VICE_DEAN -> new PositionStore.Restriction(user.activeScopeIds(), null, false);
            case EMPLOYER -> new PositionStore.Restriction(null, user.activeScopeIds(), false);
            default -> PositionStore.Restriction.none();
        };
    }
}
