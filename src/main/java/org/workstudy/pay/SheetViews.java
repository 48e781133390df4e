package org.workstudy.pay;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentRow;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.positions.Employer;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;

/**
 * Sheets as they are shown and exported: their lines with the students, positions and bank cards (masked unless
 * finance asks for them); and the sheet a user may read (another employer's is "not found").
 */
@Component
class SheetViews {

    private final PayStore store;
    private final Employers employers;
    private final Roster roster;
    private final PositionBank positions;

    SheetViews(PayStore store, Employers employers, Roster roster, PositionBank positions) {
        this.store = store;
        this.employers = employers;
        this.roster = roster;
        this.positions = positions;
    }

    PaySheet view(PayStore.SheetRow s, boolean fullCards) {
        List<PaySheet.PayLine> lines = lines(store.lines(s.id()), fullCards);
        String name = employers.find(s.employerId()).map(Employer::name).orElse("");
        return new PaySheet(s.id(), s.employerId(), name, s.month(), s.funding(), s.status(), s.confirmedBy(),
                s.confirmedAt(), s.frozenBy(), s.frozenAt(), lines,
                lines.stream().map(PaySheet.PayLine::paidHours).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(PaySheet.PayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    List<PaySheet.PayLine> lines(List<PayStore.LineRow> rows, boolean fullCards) {
        Collection<Long> studentIds = rows.stream().map(PayStore.LineRow::studentId).distinct().toList();
        Map<Long, StudentRow> students = roster.rows(studentIds);
        Map<Long, PayStore.Card> cards = store.cards(studentIds);
        Map<Long, PositionView> pos = positions.findAll(rows.stream().map(PayStore.LineRow::positionId).distinct()
                .toList()).stream().collect(Collectors.toMap(PositionView::id, Function.identity()));
        return rows.stream().map(l -> {
            StudentRow st = students.get(l.studentId());
            PayStore.Card c = cards.get(l.studentId());
            PositionView p = pos.get(l.positionId());
            return new PaySheet.PayLine(l.id(), l.kind(), l.workMonth(), l.studentId(), st == null ? "" : st.studentNo(),
                    st == null ? "" : st.name(), st == null ? "" : st.collegeName(),
                    c == null ? "" : fullCards ? c.cardNo() : BankCards.maskCard(c.cardNo()), l.positionId(),
                    p == null ? "" : p.title(), l.hours(), l.cappedHours(), l.rate(), l.amount(), l.basis());
        }).toList();
    }

    /** Refuses (403) whoever may not read sheets at all. */
    static void requireReader(CurrentUser user) {
        if (!PayChecks.mayRead(user)) {
            throw BusinessException.forbidden();
        }
    }

    /** A sheet the user may read; another employer's is "not found". */
    PayStore.SheetRow readable(CurrentUser user, long sheetId) {
        requireReader(user);
        PayStore.SheetRow s = store.sheet(sheetId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (user.acts(Role.EMPLOYER) && !user.activeScopeIds().contains(s.employerId())) {
            throw BusinessException.notFound("error.not-found");
        }
        return s;
    }
}
