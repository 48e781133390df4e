package org.workstudy.pay;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;

/** The positions pay reads: an employer's, everyone's, or those the user manages; every page of the search. */
@Component
class EmployerPositions {

    private final PositionBank positions;

    EmployerPositions(PositionBank positions) {
        this.positions = positions;
    }

    /** An employer's own positions, or all of them for the center and administrators; refused (403) otherwise. */
    List<PositionView> managedBy(CurrentUser user) {
        if (user.acts(Role.EMPLOYER)) {
            List<PositionView> out = new ArrayList<>();
            user.activeScopeIds().forEach(id -> out.addAll(of(id)));
            return out;
        }
        if (PayChecks.isCenter(user) || user.acts(Role.ADMIN)) {
            return all();
        }
        throw BusinessException.forbidden();
    }

    List<PositionView> of(long employerId) {
        return search(new PositionQuery(null, null, null, null, employerId, null, null, null, null));
    }

    List<PositionView> all() {
        return search(PositionQuery.all());
    }

    private List<PositionView> search(PositionQuery q) {
        List<PositionView> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = positions.search(q, page, 500);
            out.addAll(result.items());
            if (result.items().size() < 500 || out.size() >= result.total()) {
                return out;
            }
        }
    }
}
