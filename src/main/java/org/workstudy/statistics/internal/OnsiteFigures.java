package org.workstudy.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.checkin.CheckinMonth;
import org.workstudy.checkin.Checkins;
import org.workstudy.identity.CurrentUser;
import org.workstudy.pay.PaySheets;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.StatsFilter;

/**
 * Check-in and pay figures of an academic year (issue 16), school-wide, for the center, administrators and leaders:
 * check-ins per month with make-ups and signals, the share of counted hours that came from check-in, and the pay of
 * frozen sheets by month, college and funding source. Read from the owners' facades (checkin, pay) and the counted
 * hours of this module's own {@code sts_class_hours}.
 */
@Service
public class OnsiteFigures {

    private final Checkins checkins;
    private final PaySheets pay;
    private final JdbcClient jdbc;

    OnsiteFigures(Checkins checkins, PaySheets pay, JdbcClient jdbc) {
        this.checkins = checkins;
        this.pay = pay;
        this.jdbc = jdbc;
    }

    /** One month of the year: its check-in figures (zero when none) and the school's counted hours. */
    public record Month(YearMonth month, CheckinMonth checkin, BigDecimal countedHours) {

        /** Hours of check-in records as a percentage of the counted hours (one decimal); null without counted hours. */
        public BigDecimal checkinShare() {
            if (countedHours.signum() == 0) {
                return null;
            }
            BigDecimal share = checkin.recordHours().multiply(BigDecimal.valueOf(100))
                    .divide(countedHours, 1, RoundingMode.HALF_UP);
            return share.min(BigDecimal.valueOf(100));
        }
    }

    /** A sum of pay: by month, by college or by funding source. */
    public record PaySum(String key, BigDecimal hours, BigDecimal amount) {
    }

    /** The year's figures; the pay lists are ordered by month, college name and funding source. */
    public record Onsite(String academicYear, List<Month> months, List<PaySheets.MonthTotal> pay,
            List<PaySum> payByMonth, List<PaySum> payByCollege, List<PaySum> payByFunding) {

        public long checkIns() {
            return months.stream().mapToLong(m -> m.checkin().checkIns()).sum();
        }

        public long makeUps() {
            return months.stream().mapToLong(m -> m.checkin().makeUps()).sum();
        }

        public long signals() {
            return months.stream().mapToLong(m -> m.checkin().signals()).sum();
        }

        public BigDecimal payAmount() {
            return pay.stream().map(PaySheets.MonthTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Whether the user may see these figures: the center, administrators and leaders. */
    public static boolean mayRead(CurrentUser user) {
        return Checkins.mayReadFigures(user) && PaySheets.mayReadTotals(user);
    }

    @Transactional(readOnly = true)
    public Onsite year(CurrentUser user, StatsFilter filter) {
        if (!mayRead(user)) {
            throw BusinessException.forbidden();
        }
        YearMonth first = YearMonth.from(filter.from());
        YearMonth last = YearMonth.from(filter.until()).minusMonths(1);
        Map<YearMonth, CheckinMonth> byMonth = new LinkedHashMap<>();
        checkins.figures(user, first, last).forEach(c -> byMonth.put(c.month(), c));
        Map<YearMonth, BigDecimal> counted = new LinkedHashMap<>();
        jdbc.sql("SELECT to_char(work_month, 'YYYY-MM'), sum(hours) FROM sts_class_hours WHERE work_month >= ?"
                        + " AND work_month < ? GROUP BY 1")
                .params(Date.valueOf(filter.from()), Date.valueOf(filter.until()))
                .query((rs, n) -> Map.entry(YearMonth.parse(rs.getString(1)), rs.getBigDecimal(2))).list()
                .forEach(e -> counted.put(e.getKey(), e.getValue()));
        List<Month> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(new Month(m, byMonth.getOrDefault(m, new CheckinMonth(m, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO,
                    0, 0, 0)), counted.getOrDefault(m, BigDecimal.ZERO)));
        }
        List<PaySheets.MonthTotal> totals = pay.figures(user, first, last);
        return new Onsite(filter.academicYear(), months, totals,
                sums(totals, t -> t.month().toString()), sums(totals, PaySheets.MonthTotal::collegeName),
                sums(totals, t -> t.funding().name()));
    }

    private static List<PaySum> sums(List<PaySheets.MonthTotal> totals,
            java.util.function.Function<PaySheets.MonthTotal, String> key) {
        Map<String, BigDecimal[]> out = new java.util.TreeMap<>();
        for (PaySheets.MonthTotal t : totals) {
            BigDecimal[] s = out.computeIfAbsent(key.apply(t), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            s[0] = s[0].add(t.hours());
            s[1] = s[1].add(t.amount());
        }
        return out.entrySet().stream().map(e -> new PaySum(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
