package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A final exemption or offset: the notice has passed without an open objection. {@code offsetHours} is null for an
 * exemption; for an offset, the hours it covers (the rest of the required hours must still be worked).
 */
public record ExemptionStanding(long exemptionId, long studentId, ExemptionKind kind, BigDecimal offsetHours,
        LocalDate finalOn) {
}
