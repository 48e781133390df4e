package org.workstudy.approvals;

import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;

/** Who may decide: a role over a scope (COUNSELOR over CLASS 7, VICE_DEAN over COLLEGE 2, CENTER_DIRECTOR school). */
public record Approver(Role role, ScopeKind scopeKind, Long scopeId) {

    public Approver {
        new Grant(role, scopeKind, scopeId); // validates the combination
    }

    public static Approver of(Role role, Long scopeId) {
        return new Approver(role, role.scopeKind(), role.scopeKind().needsId() ? scopeId : null);
    }
}
