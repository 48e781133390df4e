package org.workstudy.identity;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The OpenID Connect user mapped to its WorkStudy account; replaced by the account alone once signed in. */
record SsoOidcUser(OidcUser user, AccountPrincipal principal) implements OidcUser, CurrentUser.SignedIn {

    @Override
    public CurrentUser currentUser() {
        return principal.currentUser();
    }

    @Override
    public Map<String, Object> getClaims() {
        return user.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return user.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return user.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return user.getAttributes();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return principal.getAuthorities();
    }

    @Override
    public String getName() {
        return principal.getUsername();
    }
}
