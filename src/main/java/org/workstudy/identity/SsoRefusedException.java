package org.workstudy.identity;

import org.springframework.security.core.AuthenticationException;
import org.workstudy.identity.internal.SingleSignOn;

/** The identity system vouched for someone WorkStudy will not sign in (unknown, disabled, no identity sent). */
final class SsoRefusedException extends AuthenticationException {

    private final transient SingleSignOn.Refusal refusal;

    SsoRefusedException(SingleSignOn.Refusal refusal) {
        super("single sign-on refused: " + refusal.reason());
        this.refusal = refusal;
    }

    SingleSignOn.Refusal refusal() {
        return refusal;
    }
}
