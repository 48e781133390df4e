package org.workstudy.hours;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;

/** Home cards: a student's progress toward the required hours; the confirmations waiting for a counselor/employer. */
@Component
class HoursHome implements HomeCard.Source {

    private final HoursLedger ledger;

    HoursHome(HoursLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (user.acts(Role.STUDENT)) {
            return ledger.studentIdOf(user).map(id -> {
                Progress p = ledger.progress(user, id);
                return List.of(new HomeCard("hours.home.student", List.of(
                        new Line("hours.home.hours", p.hours().stripTrailingZeros().toPlainString() + " / "
                                + p.requiredHours().stripTrailingZeros().toPlainString(), "/my/hours"),
                        new Line("hours.home.days", p.days(), "/my/hours"),
                        new Line("hours.home.share", p.sharePercent() + "%", "/my/hours"),
                        new Line("hours.home.waiting", p.waitingHours().stripTrailingZeros().toPlainString(),
                                "/my/hours"))));
            }).orElse(List.of());
        }
        if (user.acts(Role.COUNSELOR) || user.acts(Role.EMPLOYER)) {
            return List.of(new HomeCard("hours.home.confirmations", List.of(
                    new Line("hours.home.pending", ledger.pendingConfirmations(user).size(), "/hours/pending"))));
        }
        return List.of();
    }
}
