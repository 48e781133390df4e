package org.workstudy.certificates.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.workstudy.shared.Decimals;

/**
 * What the public verification page shows of a certificate, and nothing more: name, student number, hours and the
 * status (credits recognised on a date).
 */
public record VerificationResult(String name, String studentNo, BigDecimal hours, BigDecimal credits,
        LocalDate recognisedOn) {

    public String hoursText() {
        return Decimals.plain(hours);
    }

    public String creditsText() {
        return Decimals.plain(credits);
    }
}
