package org.workstudy.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** How long the throttle blocks, with the shipped settings (5 free failures, 30 s first, 15 min at most). */
class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(null, null, Clock.systemUTC(), 5, 30, 15);

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToTheLongest() {
        assertThat(throttle.blockFor(5)).hasSeconds(30);
        assertThat(throttle.blockFor(6)).hasSeconds(60);
        assertThat(throttle.blockFor(8)).hasSeconds(240);
        assertThat(throttle.blockFor(40)).hasMinutes(15);
    }
}
