package org.workstudy.pay.internal;

import java.math.BigDecimal;

import org.workstudy.pay.Funding;

/** Totals of the month's frozen sheets by college and funding source (the center and readers). */
public record PayTotal(String collegeName, Funding funding, BigDecimal hours, BigDecimal amount) {
}
