package org.workstudy.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.shared.PageResult;

/**
 * The weekly digest to counselors (Mondays, about the week before) and the monthly one to vice deans (the 1st, about
 * the month before): an in-app message saying how many messages the period brought and how many are still unread,
 * which then goes out by each person's channels like any message. Each person gets a period's digest once, however
 * often the job runs (table dlv_digest, written in the digest's transaction).
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

    Digests(Accounts accounts, Notifications notifications, DeliveryStore store, TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
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
        return send(counselors, WEEKLY, period, from, monday, "delivery.digest.weekly");
    }

    /** The monthly digest for the month before the one holding {@code day}. */
    public int sendMonthly(LocalDate day) {
        return sendMonthly(day, holders(Role.VICE_DEAN));
    }

    int sendMonthly(LocalDate day, List<AccountView> viceDeans) {
        LocalDate first = day.withDayOfMonth(1);
        LocalDate from = first.minusMonths(1);
        String period = from.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        return send(viceDeans, MONTHLY, period, from, first, "delivery.digest.monthly");
    }

    private int send(List<AccountView> people, String kind, String period, LocalDate from, LocalDate to, String key) {
        ZoneId zone = clock.getZone();
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.atStartOfDay(zone).toInstant();
        int sent = 0;
        for (AccountView account : people) {
            Boolean done = tx.execute(s -> {
                if (!store.markDigest(kind, period, account.id(), clock.instant())) {
                    return false;
                }
                long received = notifications.receivedBetween(account.id(), start, end);
                long unread = notifications.unreadCount(account.id());
                notifications.send(account.id(), key, List.of(from.toString(), to.minusDays(1).toString(),
                        String.valueOf(received), String.valueOf(unread)), "/notifications");
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
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
