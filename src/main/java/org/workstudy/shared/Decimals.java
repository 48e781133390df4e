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
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
