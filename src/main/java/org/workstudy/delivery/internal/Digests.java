package org.workstudy.delivery.internal;

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
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.notifications.Notifications;
import org.workstudy.shared.PageResult;

/**
 * The weekly digest to counselors (Mondays, about the week before) and the monthly one to vice deans (the 1st, about
 * the month before): an in-app message saying how many students of their classes (their college) are at risk now —
 * behind the even pace or short by the early-warning projection (hours' {@link ClassProgressRow#atRisk()}) — and how
 * many messages the period brought and are still unread; it then goes out by each person's channels like any message. Each person gets a period's digest once, however
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
    private final HoursLedger ledger;
    private final Organization organization;
    private final DataScope scope;

    Digests(Accounts accounts, Notifications notifications, DeliveryStore store, TransactionTemplate tx, Clock clock,
            HoursLedger ledger, Organization organization, DataScope scope) {
        this.ledger = ledger;
        this.organization = organization;
        this.scope = scope;
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
        int sent = 0;
        for (AccountView account : people) {
            Boolean done = tx.execute(s -> {
                if (!store.markDigest(kind, period, account.id(), clock.instant())) {
                    return false;
                }
                long received = notifications.receivedBetween(account.id(), start, end);
                long unread = notifications.unreadCount(account.id());
                notifications.send(account.id(), key, List.of(from.toString(), to.minusDays(1).toString(),
                        String.valueOf(received), String.valueOf(unread), String.valueOf(atRisk(account, role))), "/");
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    /** The students at risk now in the classes the person looks after in that role (all classes of their college). */
    private long atRisk(AccountView account, Role role) {
        List<Grant> grants = accounts.grantsOf(account.id()).stream().filter(g -> g.role() == role).toList();
        if (grants.isEmpty()) {
            return 0;
        }
        CurrentUser as = new CurrentUser(account.id(), account.username(), account.displayName(), role, grants);
        List<Long> classIds = role == Role.COUNSELOR
                ? grants.stream().map(Grant::scopeId).filter(java.util.Objects::nonNull).toList()
                : grants.stream().map(Grant::scopeId).filter(java.util.Objects::nonNull)
                        .flatMap(college -> organization.classes(scope.studentsOf(as), college, null).stream())
                        .map(ClassRow::id).toList();
        return classIds.stream().distinct()
                .mapToLong(id -> ledger.classProgress(as, id).stream().filter(ClassProgressRow::atRisk).count()).sum();
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
