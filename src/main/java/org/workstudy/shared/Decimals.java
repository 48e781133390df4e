package org.workstudy.shared;

import java.math.BigDecimal;

/** Numbers as people write them on pages and certificates: 180 rather than 180.00, 2.5 rather than 2.50. */
public final class Decimals {

    private Decimals() {
    }

    /** The number without trailing zeros, in plain notation; empty for none. */
    public static String plain(BigDecimal n) {
        if (n == null) {
            return "";
        }
        return stripped(n).toPlainString();
    }

    /** The number without trailing zeros and never in exponent form (180, not 1.8E+2); null for none. */
    public static BigDecimal stripped(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
