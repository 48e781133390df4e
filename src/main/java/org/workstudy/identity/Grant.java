package org.workstudy.identity;

import java.io.Serializable;

/** A role held over a scope; {@code scopeId} is null for the whole school. */
public record Grant(Role role, ScopeKind scopeKind, Long scopeId) implements Serializable {

    public Grant {
        if (scopeKind != role.scopeKind()) {
            throw new IllegalArgumentException(role + " is granted over " + role.scopeKind() + ", not " + scopeKind);
        }
        if (scopeKind.needsId() == (scopeId == null)) {
            throw new IllegalArgumentException("scope " + scopeKind + " with id " + scopeId);
        }
    }

    public static Grant school(Role role) {
        return new Grant(role, ScopeKind.SCHOOL, null);
    }

    public static Grant of(Role role, Long scopeId) {
        return new Grant(role, role.scopeKind(), role.scopeKind().needsId() ? scopeId : null);
    }
}
