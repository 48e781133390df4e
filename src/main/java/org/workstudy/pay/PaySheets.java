package org.workstudy.pay;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.pay.internal.PayChecks;

/**
 * Month-end pay sheets, as other modules use them: the school's frozen totals (statistics) and a sheet's way from
 * draft to frozen with the students' bank cards (the demo). Who: an EMPLOYER opens and confirms their own sheets; the
 * center (CENTER_STAFF, CENTER_DIRECTOR) prepares, approves (freezes) or returns them and exports them for the finance
 * office with full card numbers; ADMIN and LEADER read. Another employer's sheet is "not found". A STUDENT sees their
 * own frozen lines and keeps their bank card. Everything written is in the audit trail. What only pay's own pages and
 * API use is {@code pay.internal.PayPages}; the checks they run first are {@code pay.internal.PayChecks}.
 */
@Service
public class PaySheets {

    static final String AUDIT = "pay-sheet";

    private final SheetReview review;
    private final SheetExports exports;
    private final BankCards cards;

    PaySheets(SheetReview review, SheetExports exports, BankCards cards) {
        this.review = review;
        this.exports = exports;
        this.cards = cards;
    }

    /** May read the school's totals. */
    public static boolean mayReadTotals(CurrentUser user) {
        return PayChecks.mayReadTotals(user);
    }

    /** Opens the month's sheet of an employer (made as a draft if there is none), computed anew while a draft. */
    @Transactional
    public long open(CurrentUser user, long employerId, YearMonth month) {
        return review.open(user, employerId, month);
    }

    /** A sheet the user may read, with its lines (bank cards masked); a draft is recomputed first. */
    @Transactional
    public PaySheet sheet(CurrentUser user, long sheetId) {
        return review.sheet(user, sheetId);
    }

    /** The employer confirms the draft as computed now; it is no longer recomputed. */
    @Transactional
    public void confirm(CurrentUser user, long sheetId) {
        review.confirm(user, sheetId);
    }

    /** The center approves a confirmed sheet: it is frozen for good. */
    @Transactional
    public void approve(CurrentUser user, long sheetId) {
        review.approve(user, sheetId);
    }

    /** The student enters their own bank card (digits, 12–19 of them; spaces allowed). */
    @Transactional
    public void saveCard(CurrentUser user, String bankName, String cardNo) {
        cards.save(user, bankName, cardNo);
    }

    /** A month's totals of frozen sheets by college and funding source (statistics). */
    public record MonthTotal(YearMonth month, String collegeName, Funding funding, BigDecimal hours,
            BigDecimal amount) {
    }

    /** The totals of frozen sheets for each month from {@code from} to {@code until}, by college and funding source (statistics). */
    @Transactional(readOnly = true)
    public List<MonthTotal> figures(CurrentUser user, YearMonth from, YearMonth until) {
        return exports.figures(user, from, until);
    }
}
