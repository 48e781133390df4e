package org.workstudy.recognition.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;

/** Who reads recognition lists and the registrar's export: the offices, the leader and a college's dean and admin. */
public final class RecognitionReaders {

    public static final Set<Role> ROLES = Collections.unmodifiableSet(EnumSet.of(Role.ADMIN, Role.CENTER_DIRECTOR,
            Role.CENTER_STAFF, Role.ACADEMIC_AFFAIRS, Role.LEADER, Role.VICE_DEAN, Role.COLLEGE_ADMIN));

    private RecognitionReaders() {
    }

    /** A reader in another role is refused (403); their scope is checked by the caller. */
    public static void require(CurrentUser user) {
        if (user.activeRole() == null || !ROLES.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }
}
