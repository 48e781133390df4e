package org.workstudy.delivery.internal;

import java.time.Duration;

/**
 * How long to wait before the next attempt after a failed one: 1 minute after the first failure, then five times as
 * long each time (5, 25, 125 minutes), never more than 6 hours. A mail server or robot that is down for a while is
 * not hammered, and a short outage costs a minute.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofHours(6);

    private Backoff() {
    }

    /** The wait after {@code failures} failed attempts (1 or more). */
    static Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        Duration wait = FIRST;
        for (int i = 1; i < failures; i++) {
            wait = wait.multipliedBy(5);
            if (wait.compareTo(MAX) >= 0) {
                return MAX;
            }
        }
        return wait;
    }
}
