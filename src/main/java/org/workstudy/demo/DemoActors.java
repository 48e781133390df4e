package org.workstudy.demo;

import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.shared.SchoolClock;

/**
 * The demo loader's way of acting as a given person at a given moment: the person is signed in on the loader's
 * thread (so the audit trail names them) and the school clock is set to the moment (so every date the services write
 * is that moment's). Both are undone after each action. Only the loader holds the clock's travel handle.
 */
final class DemoActors {

    private final Accounts accounts;
    private final SchoolClock.Travel travel;
    private final ZoneId zone;
    private final Map<String, CurrentUser> cache = new HashMap<>();

    DemoActors(Accounts accounts, SchoolClock.Travel travel, ZoneId zone) {
        this.accounts = accounts;
        this.travel = travel;
        this.zone = zone;
    }

    /** The account by username, acting in the given role (it must hold it). */
    CurrentUser user(String username, Role role) {
        return cache.computeIfAbsent(username + "/" + role, k -> {
            AccountView a = accounts.findByUsername(username).orElseThrow(
                    () -> new IllegalStateException("No demo account " + username));
            return user(a.id(), role);
        });
    }

    CurrentUser user(long accountId, Role role) {
        AccountView a = accounts.find(accountId).orElseThrow();
        List<Grant> grants = accounts.grantsOf(accountId);
        return new CurrentUser(accountId, a.username(), a.displayName(), role, grants).actingAs(role);
    }

    /** Does the work as the user, at the moment. */
    <T> T as(CurrentUser user, LocalDateTime at, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Actor(user), null,
                List.of(new SimpleGrantedAuthority(user.activeRole().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return travel.at(at.atZone(zone).toInstant(), work);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    void as(CurrentUser user, LocalDateTime at, Runnable work) {
        as(user, at, () -> {
            work.run();
            return null;
        });
    }

    /** Does the work as the user, now (the system time). */
    <T> T now(CurrentUser user, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Actor(user), null,
                List.of(new SimpleGrantedAuthority(user.activeRole().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Work of nobody in particular (the system) at the moment. */
    <T> T at(LocalDateTime at, Supplier<T> work) {
        return travel.at(at.atZone(zone).toInstant(), work);
    }

    /** The principal the audit trail and the services see: the person, by username. */
    record Actor(CurrentUser currentUser) implements CurrentUser.SignedIn, Principal {
        @Override
        public String getName() {
            return currentUser.username();
        }
    }
}
