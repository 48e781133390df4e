package org.workstudy.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.workstudy.shared.BusinessException;

class ShiftCodesTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final ShiftCodes codes = new ShiftCodes(SECRET, Duration.ofSeconds(30));
    private final Instant t0 = Instant.parse("2025-10-18T02:00:00Z"); // the start of a 30 s step

    @Test
    void aTokenIsAcceptedInItsStepAndTheNextOneOnly() {
        String token = codes.token(7, codes.stepAt(t0));
        assertThat(codes.read(token, t0).shiftId()).isEqualTo(7);
        assertThat(codes.read(token, t0.plusSeconds(59)).step()).isEqualTo(codes.stepAt(t0));
        assertThatThrownBy(() -> codes.read(token, t0.plusSeconds(60)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("checkin.code.expired");
                    assertThat(e.field()).isEqualTo("code");
                });
    }

    @Test
    void aTokenOfTheFutureIsRefused() {
        String next = codes.token(7, codes.stepAt(t0) + 1);
        assertThatThrownBy(() -> codes.read(next, t0.plusSeconds(29)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checkin.code.expired"));
        assertThat(codes.read(next, t0.plusSeconds(30)).shiftId()).isEqualTo(7);
    }

    @Test
    void anotherShiftsCodeCannotBeTurnedIntoThisShifts() {
        long step = codes.stepAt(t0);
        String of7 = codes.token(7, step);
        String forged = "8" + of7.substring(1); // same step and signature, another shift
        assertThatThrownBy(() -> codes.read(forged, t0)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.messageKey()).isEqualTo("checkin.code.invalid"));
        String laterStep = "7." + (step + 1) + of7.substring(of7.lastIndexOf('.'));
        assertThatThrownBy(() -> codes.read(laterStep, t0.plusSeconds(30)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checkin.code.invalid"));
        String fallbackOf7 = codes.fallback(7);
        assertThatThrownBy(() -> codes.read("8" + fallbackOf7.substring(1), t0))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void anotherServersSecretMakesOtherCodes() {
        ShiftCodes other = new ShiftCodes("fedcba9876543210fedcba9876543210".getBytes(), Duration.ofSeconds(30));
        assertThatThrownBy(() -> codes.read(other.token(7, codes.stepAt(t0)), t0))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> codes.read(other.fallback(7), t0)).isInstanceOf(BusinessException.class);
    }

    @Test
    void theFallbackCodeIsShortTypedInAnyCaseAndCarriesTheCurrentStep() {
        String code = codes.fallback(42);
        assertThat(code).matches("42-[2-9A-HJKMNP-Z]{6}");
        ShiftCodes.Read read = codes.read(" " + code.toLowerCase() + " ", t0.plusSeconds(3600));
        assertThat(read.byCode()).isTrue();
        assertThat(read.shiftId()).isEqualTo(42);
        assertThat(read.step()).isEqualTo(codes.stepAt(t0.plusSeconds(3600)));
    }

    @Test
    void garbageIsRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "abc", "1.2", "1.2.3.4", "99999999999999999999.1.x", "1-ABC"}) {
            assertThatThrownBy(() -> codes.read(bad, t0)).isInstanceOfSatisfying(BusinessException.class,
                    e -> assertThat(e.field()).isEqualTo("code"));
        }
    }

    @Test
    void distancesAreInMetres() {
        // two points 0.001 degree of latitude apart: about 111 m
        assertThat(Workplace.metres(24.4798, 118.0894, 24.4808, 118.0894)).isBetween(110.0, 112.0);
        assertThat(Workplace.metres(24.4798, 118.0894, 24.4798, 118.0894)).isZero();
    }
}
