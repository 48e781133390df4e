package org.workstudy.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.workstudy.shared.BusinessException;

/**
 * The person behind the current request, with the role they act in now. Their data scope is the union of the
 * scopes of their grants of that role.
 */
public record CurrentUser(long accountId, String username, String displayName, Role activeRole, List<Grant> grants)
        implements Serializable {

    public CurrentUser {
        grants = List.copyOf(grants);
    }

    /** The signed-in user, if any. */
    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn signedIn
                ? Optional.of(signedIn.currentUser()) : Optional.empty();
    }

    /** The signed-in user; a request without one is refused. */
    public static CurrentUser require() {
        return find().orElseThrow(BusinessException::forbidden);
    }

    public Set<Role> roles() {
        return grants.stream().map(Grant::role).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean acts(Role role) {
        return activeRole == role;
    }

    /** The scope ids of the active role's grants (empty for a school-wide role). */
    public Set<Long> activeScopeIds() {
        return grants.stream().filter(g -> g.role() == activeRole && g.scopeId() != null)
                .map(Grant::scopeId).collect(Collectors.toSet());
    }

    public boolean activeIsSchoolWide() {
        return activeRole.scopeKind() == ScopeKind.SCHOOL;
    }

    public CurrentUser actingAs(Role role) {
        if (!roles().contains(role)) {
            throw BusinessException.forbidden();
        }
        return new CurrentUser(accountId, username, displayName, role, grants);
    }

    /** Implemented by the security principal, so that modules see the user without depending on its type. */
    public interface SignedIn {
        CurrentUser currentUser();
    }
}
