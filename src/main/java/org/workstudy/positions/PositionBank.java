package org.workstudy.positions;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.PageResult;

/** Read access to positions for other modules (placements, hours): no scope filtering unless asked. */
@Service
public class PositionBank {

    private final PositionStore store;

    PositionBank(PositionStore store) {
        this.store = store;
    }

    public Optional<PositionView> find(long id) {
        return store.find(id);
    }

    public List<PositionView> findAll(Collection<Long> ids) {
        return store.findAll(ids);
    }

    /** All positions matching the query, with no scope filtering: callers decide what the user may see. */
    public PageResult<PositionView> search(PositionQuery q, int page, int size) {
        return store.search(q == null ? PositionQuery.all() : q, PositionStore.Restriction.none(), page, size);
    }

    /** PUBLISHED positions only (whatever status the query asks for), for students. */
    public PageResult<PositionView> searchPublished(PositionQuery q, int page, int size) {
        PositionQuery x = q == null ? PositionQuery.all() : q;
        return store.search(new PositionQuery(x.text(), x.bank(), x.collegeId(), PositionStatus.PUBLISHED,
                x.employerId(), x.timeKind(), x.onCampus(), x.city(), x.openNow()), PositionStore.Restriction.none(),
                page, size);
    }

    /**
     * May this user manage (edit, decide applicants of) this position? CENTER_STAFF/ADMIN: any; COLLEGE_ADMIN/
     * VICE_DEAN: their college's bank; EMPLOYER: their employer's positions. False for an unknown position.
     */
    public boolean mayManage(CurrentUser user, long positionId) {
        return store.find(positionId)
                .map(p -> PositionRules.mayManage(user, p.bank(), p.bankCollegeId(), p.employerId()))
                .orElse(false);
    }
}
