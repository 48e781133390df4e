package org.workstudy.exemptions;

import java.math.BigDecimal;
import org.workstudy.credits.ExemptionKind;

/**
 * A student's application: exemption or offset, the kind of reason and the reason in words, and for an offset how
 * many quality-development credits to use.
 */
public record ExemptionForm(ExemptionKind kind, ExemptionReason reasonKind, String reason, BigDecimal qualityCredits) {

    public static ExemptionForm empty() {
        return new ExemptionForm(null, null, "", null);
    }
}
