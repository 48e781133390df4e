package org.workstudy.positions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;

/** Home-page card of the position bank: what waits for review, what is open, in the user's scope. */
@Component
class PositionsHome implements HomeCard.Source {

    private final PositionWorkflow workflow;

    PositionsHome(PositionWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (user.activeRole() == null || !PositionRules.usesBank(user.activeRole())) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        if (!user.acts(Role.EMPLOYER) && !user.acts(Role.LEADER) && !user.acts(Role.ADMIN)) {
            lines.add(new Line("positions.home.submitted", count(user, PositionStatus.SUBMITTED, null),
                    "/positions?status=SUBMITTED"));
        }
        if (user.acts(Role.EMPLOYER)) {
            lines.add(new Line("positions.home.drafts", count(user, PositionStatus.DRAFT, null),
                    "/positions?status=DRAFT"));
        }
        lines.add(new Line("positions.home.open", count(user, null, Boolean.TRUE), "/positions?openNow=true"));
        return List.of(new HomeCard("positions.home.title", lines));
    }

    private long count(CurrentUser user, PositionStatus status, Boolean openNow) {
        return workflow.search(user, new PositionQuery(null, null, null, status, null, null, null, null, openNow), 0, 1)
                .total();
    }
}
