package org.workstudy.delivery.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMTP password and robot secrets stored before they were encrypted (before V94) are encrypted once the
 * application has started. Not a Flyway migration: the key is configuration (shared/SecretCipher), not SQL.
 */
@Component
class SecretEncryptionAtStart {

    private static final Log LOG = LogFactory.getLog(SecretEncryptionAtStart.class);

    private final DeliveryStore store;

    SecretEncryptionAtStart(DeliveryStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void encryptPlainSecrets() {
        int n = store.encryptPlainSecrets();
        if (n > 0) {
            LOG.info("Encrypted " + n + " delivery secrets stored before encryption");
        }
    }
}
