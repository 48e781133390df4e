package org.workstudy.delivery.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.shared.PageResult;
import org.workstudy.statistics.ClassFigures;
import org.workstudy.statistics.StatisticsRefresh;

/**
 * The weekly digest to counselors (Mondays, about the week before) and the monthly one to vice deans (the 1st, about
 * the month before): an in-app message saying how many students of their classes (their college) are at risk now —
 * behind the even pace or short by the early-warning projection, as statistics' summary holds them after it has taken
 * in every pending change ({@link ClassFigures#standings()}, the figure the dashboards show) — and how many messages the
 * period brought and are still unread; it then goes out by each person's channels like any message. Each person gets
 * a period's digest once, however often the job runs (table dlv_digest, written in the digest's transaction).
 */
@Service
public class Digests {

    static final String WEEKLY = "WEEKLY";
    static final String MONTHLY = "MONTHLY";

    private final Accounts accounts;
    private final Notifications notifications;
    private final DeliveryStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ClassFigures classFigures;
    private final StatisticsRefresh statistics;

    Digests(Accounts accounts, Notifications notifications, DeliveryStore store, TransactionTemplate tx, Clock clock,
            ClassFigures classFigures, StatisticsRefresh statistics) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.classFigures = classFigures;
        this.statistics = statistics;
    }
    /** The weekly digest for the week before the one holding {@code day}; returns how many were sent now. */
    public int sendWeekly(LocalDate day) {
        return sendWeekly(day, holders(Role.COUNSELOR));
    }

    int sendWeekly(LocalDate day, List<AccountView> counselors) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate from = monday.minusWeeks(1);
        String period = from.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return send(counselors, Role.COUNSELOR, WEEKLY, period, from, monday, "delivery.digest.weekly");
    }

    /** The monthly digest for the month before the one holding {@code day}. */
    public int sendMonthly(LocalDate day) {
        return sendMonthly(day, holders(Role.VICE_DEAN));
    }

    int sendMonthly(LocalDate day, List<AccountView> viceDeans) {
        LocalDate first = day.withDayOfMonth(1);
        LocalDate from = first.minusMonths(1);
        String period = from.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        return send(viceDeans, Role.VICE_DEAN, MONTHLY, period, from, first, "delivery.digest.monthly");
    }

    private int send(List<AccountView> people, Role role, String kind, String period, LocalDate from, LocalDate to, String key) {
        ZoneId zone = clock.getZone();
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.atStartOfDay(zone).toInstant();
        statistics.refreshPending();
        AtRisk atRisk = new AtRisk(classFigures.standings());
        int sent = 0;
        for (AccountView account : people) {
            Boolean done = tx.execute(s -> {
                if (!store.markDigest(kind, period, account.id(), clock.instant())) {
                    return false;
                }
                long received = notifications.receivedBetween(account.id(), start, end);
                long unread = notifications.unreadCount(account.id());
                notifications.send(account.id(), key, List.of(from.toString(), to.minusDays(1).toString(),
                        String.valueOf(received), String.valueOf(unread), String.valueOf(atRisk.of(accounts.grantsOf(account.id()), role))), "/");
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    /** The students at risk now per class and per college, from one read of the summary for the whole run. */
    private static final class AtRisk {

        private final Map<Long, Long> byClass = new HashMap<>();
        private final Map<Long, Long> byCollege = new HashMap<>();

        AtRisk(List<ClassFigures.ClassStanding> standings) {
            for (ClassFigures.ClassStanding s : standings) {
                byClass.merge(s.classId(), s.atRisk(), Long::sum);
                byCollege.merge(s.collegeId(), s.atRisk(), Long::sum);
            }
        }

        /** In the classes a counselor is granted, or the colleges a vice dean is granted. */
        long of(List<Grant> grants, Role role) {
            Map<Long, Long> counts = role == Role.COUNSELOR ? byClass : byCollege;
            return grants.stream().filter(g -> g.role() == role && g.scopeId() != null).map(Grant::scopeId).distinct()
                    .mapToLong(id -> counts.getOrDefault(id, 0L)).sum();
        }
    }

    private List<AccountView> holders(Role role) {
        List<AccountView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<AccountView> result = accounts.search("", role, page, 100);
            result.items().stream().filter(AccountView::enabled).forEach(all::add);
            if ((long) (page + 1) * result.size() >= result.total() || result.items().isEmpty()) {
                return all;
            }
        }
    }
}
