package org.workstudy.organization.web;

import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;

/** Role checks of the organisation pages; data scope is checked by the services on top of these. */
final class Access {

    private Access() {
    }

    /** A staff role that reads students (everyone but students and employers). */
    static CurrentUser staff() {
        CurrentUser user = CurrentUser.require();
        if (!Role.staffRoles().contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        return user;
    }

    static CurrentUser admin() {
        CurrentUser user = CurrentUser.require();
        if (!user.acts(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
        return user;
    }
}
