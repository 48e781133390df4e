package org.workstudy.hours;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.ProgressOutlook;
import org.workstudy.hours.internal.Projection;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;
import org.workstudy.shared.Decimals;

/** Home cards: a student's progress toward the required hours; the confirmations waiting for a counselor/employer. */
@Component
class HoursHome implements HomeCard.Source {

    /** How many students behind the counselor's home lists by name (the rest are on the class pages). */
    static final int BEHIND_SHOWN = 8;

    private final HoursLedger ledger;
    private final LedgerPages pages;

    HoursHome(HoursLedger ledger, LedgerPages pages) {
        this.ledger = ledger;
        this.pages = pages;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (user.acts(Role.STUDENT)) {
            return pages.studentIdOf(user).map(id -> {
                ProgressOutlook o = pages.outlook(user, id);
                Progress p = o.progress();
                return List.of(new HomeCard("hours.home.student", List.of(
                        new Line("hours.home.hours", p.hours().stripTrailingZeros().toPlainString() + " / "
                                + p.requiredHours().stripTrailingZeros().toPlainString(), "/my/hours"),
                        new Line("hours.home.days", p.days(), "/my/hours"),
                        new Line("hours.home.share", p.sharePercent() + "%", "/my/hours"),
                        new Line("hours.home.waiting", p.waitingHours().stripTrailingZeros().toPlainString(),
                                "/my/hours"),
                        new Line("hours.home.left", p.completed() || o.windowEnd() == null ? "—"
                                : Decimals.plain(p.remainingHours()) + " / " + o.windowEnd(), "/my/hours")),
                        o.atRisk() ? atStake(o) : o.projectedShort() ? projectedShort(o) : null));
            }).orElse(List.of());
        }
        if (user.acts(Role.COUNSELOR)) {
            LedgerPages.Behind behind = pages.behind(user, BEHIND_SHOWN);
            List<Line> lines = new ArrayList<>();
            for (ClassProgressRow r : behind.first()) {
                lines.add(r.behind()
                        ? new Line("hours.home.behind-student",
                                Decimals.plain(r.hours()) + " / " + Decimals.plain(r.expectedHours()),
                                "/hours/students/" + r.studentId(), List.of(r.name(), r.studentNo()))
                        : new Line("hours.home.short-student", Decimals.plain(r.hours()), "/hours/students/" + r.studentId(),
                                List.of(r.name(), r.studentNo())));
            }
            lines.add(new Line(behind.total() == 0 ? "hours.home.behind-none" : "hours.home.behind-all",
                    behind.total(), "/hours/classes"));
            return List.of(new HomeCard("hours.home.confirmations", List.of(
                            new Line("hours.home.pending", ledger.pendingConfirmations(user).size(), "/hours/pending"))),
                    new HomeCard("hours.home.behind", lines));
        }
        if (user.acts(Role.EMPLOYER)) {
            return List.of(new HomeCard("hours.home.confirmations", List.of(
                    new Line("hours.home.pending", ledger.pendingConfirmations(user).size(), "/hours/pending"))));
        }
        return List.of();
    }

    /** The plain sentence for a student behind: what is at stake and the days left to work at any hour. */
    static HomeCard.Note atStake(ProgressOutlook o) {
        Progress p = o.progress();
        return new HomeCard.Note("hours.at-stake", List.of(Decimals.plain(p.hours()), Decimals.plain(p.requiredHours()),
                Decimals.plain(p.remainingHours()), o.windowEnd() == null ? "—" : o.windowEnd().toString(),
                o.weekendsAndHolidaysLeft(), o.vacationDaysLeft()));
    }

    /** The early warning for a student on pace so far whom the rest of the window will not carry (see Projection). */
    static HomeCard.Note projectedShort(ProgressOutlook o) {
        Projection pr = o.projection();
        return new HomeCard.Note("hours.projection.short", List.of(pr.plainRemaining(), o.windowEnd().toString(),
                pr.hoursPerDay().toPlainString(), pr.weekendPercent(), pr.vacationPercent(), pr.plainReachable()));
    }
}
