package org.workstudy.pay.internal;

import java.math.BigDecimal;

/** A fixed position's monthly terms, if set (the amount and hours are null until they are). */
public record MonthlyTerms(long positionId, String title, String employerName, BigDecimal hourlyPay,
        BigDecimal monthlyAmount, BigDecimal monthlyHours) {
}
