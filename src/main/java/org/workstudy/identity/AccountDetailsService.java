package org.workstudy.identity;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for login; the person starts in their highest-ranking role. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountDetailsService(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.StoredCredentials c = accounts.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        List<Grant> grants = accounts.grantsOf(c.id());
        Role first = grants.stream().map(Grant::role).min(Comparator.naturalOrder()).orElse(null);
        CurrentUser user = new CurrentUser(c.id(), c.username(), c.displayName(), first, grants);
        return new AccountPrincipal(user, c.passwordHash(), c.enabled(), c.lockedUntil(), c.mustChangePassword(),
                clock.instant());
    }
}
