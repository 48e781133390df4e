package org.workstudy.pay;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.pay.internal.MyPay;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/** A student's own bank card (entered by the student, stored encrypted, shown masked) and their frozen pay. */
@Component
class BankCards {

    private final PayStore store;
    private final SheetViews views;
    private final Roster roster;
    private final AuditTrail audit;
    private final Clock clock;

    BankCards(PayStore store, SheetViews views, Roster roster, AuditTrail audit, Clock clock) {
        this.store = store;
        this.views = views;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    MyPay mine(CurrentUser user) {
        Student s = self(user);
        PayStore.Card card = store.cards(List.of(s.id())).get(s.id());
        List<PayStore.LineRow> rows = store.frozenLinesOf(s.id());
        return new MyPay(card == null ? null : card.bankName(), card == null ? null : maskCard(card.cardNo()),
                views.lines(rows, false));
    }

    /** The student enters their own bank card (digits, 12–19 of them; spaces allowed). */
    void save(CurrentUser user, String bankName, String cardNo) {
        Student s = self(user);
        String bank = bankName == null ? "" : TextLimits.require("bankName", bankName.strip(), 100);
        if (bank.isEmpty()) {
            throw BusinessException.invalid("pay.card.bank-required").field("bankName");
        }
        String digits = cardNo == null ? "" : cardNo.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12,19}")) {
            throw BusinessException.invalid("pay.card.invalid").field("cardNo");
        }
        store.saveCard(s.id(), bank, digits, clock.instant());
        // the trail says that the card changed, never its number
        audit.record(PaySheets.AUDIT, "card-" + s.id(), "card", Map.of("student", s.id(), "card", maskCard(digits)));
    }

    /** 6222 **** **** 1234: the first four and the last four digits. */
    static String maskCard(String digits) {
        if (digits == null || digits.length() < 8) {
            return digits == null ? null : "****";
        }
        return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
    }

    private Student self(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }
}
