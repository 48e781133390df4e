package org.workstudy.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DESIGN section 1, each with the scope kinds its grants may carry. Declared in home-page priority. */
public enum Role {
    ADMIN(ScopeKind.SCHOOL),
    CENTER_DIRECTOR(ScopeKind.SCHOOL),
    CENTER_STAFF(ScopeKind.SCHOOL),
    ACADEMIC_AFFAIRS(ScopeKind.SCHOOL),
    LEADER(ScopeKind.SCHOOL),
    VICE_DEAN(ScopeKind.COLLEGE),
    COLLEGE_ADMIN(ScopeKind.COLLEGE),
    COUNSELOR(ScopeKind.CLASS),
    EMPLOYER(ScopeKind.EMPLOYER),
    STUDENT(ScopeKind.SELF);

    private final ScopeKind scopeKind;

    Role(ScopeKind scopeKind) {
        this.scopeKind = scopeKind;
    }

    /** The kind of scope a grant of this role is given over. */
    public ScopeKind scopeKind() {
        return scopeKind;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> staffRoles() {
        return EnumSet.complementOf(EnumSet.of(STUDENT, EMPLOYER));
    }
}
