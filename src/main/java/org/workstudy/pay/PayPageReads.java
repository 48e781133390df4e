package org.workstudy.pay;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.pay.internal.MonthlyTerms;
import org.workstudy.pay.internal.MyPay;
import org.workstudy.pay.internal.PayPages;
import org.workstudy.pay.internal.PayTotal;

/**
 * {@link PayPages} over the package-private steps (terms, review, exports, cards): here in the root, since those are
 * not visible from {@code pay.internal}, while the interface lives there so that no other module sees it.
 */
@Service
class PayPageReads implements PayPages {

    private final PositionTerms terms;
    private final SheetReview review;
    private final SheetExports exports;
    private final BankCards cards;
    private final Clock clock;

    PayPageReads(PositionTerms terms, SheetReview review, SheetExports exports, BankCards cards, Clock clock) {
        this.terms = terms;
        this.review = review;
        this.exports = exports;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public YearMonth dueMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MonthlyTerms> fixedPositions(CurrentUser user) {
        return terms.fixedPositions(user);
    }

    @Override
    @Transactional
    public void setTerms(CurrentUser user, long positionId, BigDecimal monthlyAmount, BigDecimal monthlyHours) {
        terms.setTerms(user, positionId, monthlyAmount, monthlyHours);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PaySheet> sheets(CurrentUser user, YearMonth month) {
        return review.sheets(user, month);
    }

    @Override
    @Transactional
    public int prepareAll(CurrentUser user, YearMonth month) {
        return review.prepareAll(user, month);
    }

    @Override
    @Transactional
    public void returnToEmployer(CurrentUser user, long sheetId, String reason) {
        review.returnToEmployer(user, sheetId, reason);
    }

    @Override
    @Transactional
    public PaySheet export(CurrentUser user, long sheetId, OutputStream out) {
        return exports.export(user, sheetId, out);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PayTotal> totals(CurrentUser user, YearMonth month) {
        return exports.totals(user, month);
    }

    @Override
    @Transactional(readOnly = true)
    public MyPay mine(CurrentUser user) {
        return cards.mine(user);
    }
}
