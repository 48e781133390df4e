package org.workstudy.pay;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank card numbers entered before they were encrypted (before V94) are encrypted once the application has started.
 * Not a Flyway migration: the key is configuration (shared/SecretCipher), and SQL would have to carry it (into the
 * migration history and the server's log), nor does PostgreSQL's pgcrypto offer AES-GCM. Rows already encrypted are
 * left alone, so this does nothing after the first start.
 */
@Component
class CardEncryptionAtStart {

    private static final Log LOG = LogFactory.getLog(CardEncryptionAtStart.class);

    private final PayStore store;

    CardEncryptionAtStart(PayStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void encryptPlainCards() {
        int n = store.encryptPlainCards();
        if (n > 0) {
            LOG.info("Encrypted " + n + " bank card numbers stored before encryption");
        }
    }
}
