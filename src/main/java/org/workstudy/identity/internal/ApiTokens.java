package org.workstudy.identity.internal;

import java.time.ZonedDateTime;
import java.util.List;

import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;

/**
 * Personal access tokens as their page and API manage them: issue, list, revoke. Implemented in the root
 * ({@code identity.PersonalTokens}), which also checks a presented token for the bearer filter.
 */
public interface ApiTokens {

    /** A token as issued: {@code token} is shown this once and never again. */
    record IssuedToken(long id, String name, Role role, String token, ZonedDateTime expiresAt) {
    }

    /** A token as listed: its first characters only. */
    record TokenView(long id, String name, Role role, String hint, ZonedDateTime createdAt,
            ZonedDateTime expiresAt, ZonedDateTime lastUsedAt, ZonedDateTime revokedAt, boolean active) {
    }

    /**
     * Issues a token acting in the caller's active role. Only a person signed in with their password (page session or
     * HTTP Basic) may: a token cannot issue further tokens, so a stolen token dies with its expiry.
     */
    IssuedToken issue(CurrentUser user, String name, Integer validDays);

    /** The caller's tokens, newest first, revoked and expired ones included. */
    List<TokenView> of(CurrentUser user);

    /** Revokes one of the caller's own tokens (someone else's is 404); at once on this server. */
    void revoke(CurrentUser user, long tokenId);
}
