package org.workstudy.certificates.internal;

import java.math.BigDecimal;

/** Hours and credits as a certificate prints them: 120, 1.5 (no trailing zeros), empty for none. */
final class Numbers {

    private Numbers() {
    }

    static String plain(BigDecimal n) {
        if (n == null) {
            return "";
        }
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
