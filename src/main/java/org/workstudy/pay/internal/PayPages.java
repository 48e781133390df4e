package org.workstudy.pay.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.workstudy.identity.CurrentUser;
import org.workstudy.pay.PaySheet;

/**
 * What pay's own pages and API do besides {@code PaySheets}: the month's list and totals, preparing every employer's
 * sheet, returning a sheet, the finance export, fixed positions' monthly terms and a student's own pay. No other module
 * needs these, so they live here and not on the module's facade. Every method checks the user's role and scope
 * ({@link PayChecks}); another employer's sheet is "not found". Everything written is in the audit trail.
 */
public interface PayPages {

    /** The month whose sheets are due now: the previous calendar month. */
    YearMonth dueMonth();

    /** The fixed positions the user manages, with their monthly terms. */
    List<MonthlyTerms> fixedPositions(CurrentUser user);

    /**
     * Sets a fixed position's monthly amount for its monthly hour quota. The amount must pay at least the minimum
     * hourly wage for each hour of the quota ({@code workstudy.pay.min-hourly}).
     */
    void setTerms(CurrentUser user, long positionId, BigDecimal monthlyAmount, BigDecimal monthlyHours);

    /** The month's sheets the user may read (an employer's own; the center's: all). */
    List<PaySheet> sheets(CurrentUser user, YearMonth month);

    /** The center prepares the month's sheets of every employer whose positions have counted hours; how many. */
    int prepareAll(CurrentUser user, YearMonth month);

    /** The center returns a confirmed sheet to the employer (a draft again), with a reason. */
    void returnToEmployer(CurrentUser user, long sheetId, String reason);

    /** The sheet as the finance office imports it (.xlsx); full card numbers only for the center of a frozen sheet. */
    PaySheet export(CurrentUser user, long sheetId, OutputStream out);

    /** Totals of the month's frozen sheets by college and funding source. */
    List<PayTotal> totals(CurrentUser user, YearMonth month);

    /** A student's own pay and card, masked. */
    MyPay mine(CurrentUser user);
}
