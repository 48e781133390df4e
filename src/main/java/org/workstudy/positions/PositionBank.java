package org.workstudy.positions;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.PageResult;

/** Read access to positions for other modules. */
@Service
public class PositionBank {

    public Optional<PositionView> find(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<PositionView> findAll(Collection<Long> ids) {
        throw new UnsupportedOperationException("not yet");
    }

    /** All positions matching the query, with no scope filtering: callers decide what the user may see. */
    public PageResult<PositionView> search(PositionQuery q, int page, int size) {
        throw new UnsupportedOperationException("not yet");
    }

    /** PUBLISHED positions only, for students. */
    public PageResult<PositionView> searchPublished(PositionQuery q, int page, int size) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * May this user manage (edit, decide applicants of) this position? CENTER_STAFF/ADMIN: any; COLLEGE_ADMIN/
     * VICE_DEAN: their college's bank; EMPLOYER: their employer's positions.
     */
    public boolean mayManage(CurrentUser user, long positionId) {
        throw new UnsupportedOperationException("not yet");
    }
}
