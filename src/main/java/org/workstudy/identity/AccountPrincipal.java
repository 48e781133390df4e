package org.workstudy.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it in the (database-stored) session. Its only authority is the
 * active role, so URL rules and {@code hasRole} checks follow the role the person acts in now.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.SignedIn {

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final boolean mustChangePassword;
    private final Instant now;

    AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, Instant lockedUntil,
            boolean mustChangePassword, Instant now) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.mustChangePassword = mustChangePassword;
        this.now = now;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    AccountPrincipal actingAs(Role role) {
        return new AccountPrincipal(user.actingAs(role), null, enabled, lockedUntil, mustChangePassword, now);
    }

    AccountPrincipal passwordChanged() {
        return new AccountPrincipal(user, null, enabled, lockedUntil, false, now);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.activeRole() == null ? List.of() : List.of(new SimpleGrantedAuthority(user.activeRole().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(now);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.user.accountId() == user.accountId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(user.accountId());
    }

    @Override
    public String toString() {
        return user.username();
    }
}
