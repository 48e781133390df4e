package org.workstudy.pay;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.pay.internal.MonthlyTerms;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;

/** Fixed positions' monthly terms: an amount for a monthly hour quota, never below the minimum hourly wage. */
@Component
class PositionTerms {

    private final PayStore store;
    private final PositionBank positions;
    private final EmployerPositions managed;
    private final AuditTrail audit;
    private final Clock clock;
    private final BigDecimal minHourly;

    PositionTerms(PayStore store, PositionBank positions, EmployerPositions managed, AuditTrail audit, Clock clock,
            @Value("${workstudy.pay.min-hourly:15}") BigDecimal minHourly) {
        this.store = store;
        this.positions = positions;
        this.managed = managed;
        this.audit = audit;
        this.clock = clock;
        this.minHourly = minHourly;
    }

    /** The fixed positions the user manages, with their monthly terms. */
    List<MonthlyTerms> fixedPositions(CurrentUser user) {
        List<PositionView> list = managed.managedBy(user).stream().filter(p -> "FIXED".equals(p.type())).toList();
        Map<Long, PayStore.Terms> terms = store.terms(list.stream().map(PositionView::id).toList());
        return list.stream().map(p -> {
            PayStore.Terms t = terms.get(p.id());
            return new MonthlyTerms(p.id(), p.title(), p.employerName(), p.hourlyPay(), t == null ? null : t.monthlyAmount(),
                    t == null ? null : t.monthlyHours());
        }).toList();
    }

    /**
     * Sets a fixed position's monthly amount for its monthly hour quota. The amount must pay at least the minimum
     * hourly wage for each hour of the quota ({@code workstudy.pay.min-hourly}).
     */
    void setTerms(CurrentUser user, long positionId, BigDecimal monthlyAmount, BigDecimal monthlyHours) {
        if (!(user.acts(Role.EMPLOYER) || PayChecks.isCenter(user) || user.acts(Role.ADMIN))
                || !positions.mayManage(user, positionId)) {
            throw BusinessException.notFound("error.not-found");
        }
        PositionView p = positions.find(positionId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (monthlyHours == null || monthlyHours.signum() <= 0 || monthlyHours.compareTo(BigDecimal.valueOf(744)) > 0
                || monthlyHours.scale() > 2) {
            throw BusinessException.invalid("pay.terms.hours").field("monthlyHours");
        }
        if (monthlyAmount == null || monthlyAmount.signum() <= 0 || monthlyAmount.scale() > 2
                || monthlyAmount.compareTo(new BigDecimal("99999999")) > 0) {
            throw BusinessException.invalid("pay.terms.amount").field("monthlyAmount");
        }
        if (!"FIXED".equals(p.type())) {
            throw BusinessException.invalid("pay.terms.fixed-only");
        }
        BigDecimal floor = PayRules.fen(minHourly.multiply(monthlyHours));
        if (monthlyAmount.compareTo(floor) < 0) {
            throw BusinessException.invalid("pay.terms.below-minimum", floor.toPlainString(), minHourly.toPlainString())
                    .field("monthlyAmount");
        }
        store.saveTerms(positionId, monthlyAmount, monthlyHours, user.username(), clock.instant());
        audit.record(PaySheets.AUDIT, "terms-" + positionId, "terms", Map.of("position", positionId, "amount",
                monthlyAmount, "hours", monthlyHours));
    }
}
