package org.workstudy.delivery.internal;

/** A channel refused or could not take a message; the reason is shown to the administrator (no personal data). */
class SendFailed extends Exception {

    SendFailed(String reason) {
        super(reason);
    }

    SendFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
