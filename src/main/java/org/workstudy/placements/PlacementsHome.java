package org.workstudy.placements;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionView;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;

/** Home cards: a student's applications and placements; an employer's applicants waiting for a decision. */
@Component
class PlacementsHome implements HomeCard.Source {

    private final PlacementStore placements;
    private final ApplicationStore applications;
    private final Roster roster;
    private final PositionBank positions;

    PlacementsHome(PlacementStore placements, ApplicationStore applications, Roster roster, PositionBank positions) {
        this.placements = placements;
        this.applications = applications;
        this.roster = roster;
        this.positions = positions;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (user.acts(Role.STUDENT)) {
            return roster.ofAccount(user.accountId()).map(s -> List.of(new HomeCard("placements.home.student", List.of(
                    new Line("placements.home.placements", placements.activeCount(s.id()), "/my/applications"),
                    new Line("placements.home.open-applications", applications.undecidedCount(s.id()),
                            "/my/applications"),
                    new Line("placements.home.find", "→", "/jobs"))))).orElse(List.of());
        }
        if (user.acts(Role.EMPLOYER)) {
            List<Long> mine = user.activeScopeIds().stream().flatMap(employer -> positions.search(new PositionQuery(null,
                    null, null, PositionStatus.PUBLISHED, employer, null, null, null, null), 0, 200).items().stream())
                    .map(PositionView::id).toList();
            long pending = applications.pendingCountOn(mine);
            return List.of(new HomeCard("placements.home.employer", List.of(
                    new Line("placements.home.published", mine.size(), "/placements"),
                    new Line("placements.home.pending", pending, "/placements"))));
        }
        return List.of();
    }
}
