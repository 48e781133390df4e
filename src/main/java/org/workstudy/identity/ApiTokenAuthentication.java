package org.workstudy.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal access token ({@link PersonalTokens}); it cannot issue further tokens. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final AccountPrincipal principal;

    ApiTokenAuthentication(AccountPrincipal principal) {
        super(principal.getAuthorities());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}
