package org.workstudy.delivery.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/** Each person's own channels (e-mail and their group robot); nobody edits another person's. */
@Service
public class Preferences {

    private final DeliveryStore store;
    private final Clock clock;

    Preferences(DeliveryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Preference of(CurrentUser user) {
        return store.preference(user.accountId());
    }

    /** Saves the person's choice; an address is needed for e-mail, and must look like one. */
    @Transactional
    public void save(CurrentUser user, String email, boolean emailOn, boolean groupOn) {
        String address = TextLimits.require("email", email, 254);
        address = address == null || address.isEmpty() ? null : address;
        if (address != null && !Addresses.isEmail(address)) {
            throw BusinessException.invalid("delivery.error.email").field("email");
        }
        if (emailOn && address == null) {
            throw BusinessException.invalid("delivery.error.email-needed").field("email");
        }
        store.savePreference(user.accountId(), new Preference(address, emailOn, groupOn), clock.instant());
    }

    /** The person's latest outbound copies, to see what went where. */
    public List<OutboxItem> recent(CurrentUser user) {
        return store.ofAccount(user.accountId(), 20);
    }
}
