package org.workstudy.delivery.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.ClassRow;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentScope;
import org.workstudy.shared.Decimals;

/**
 * The monthly early warning to students themselves (the 1st, 08:00): every student at risk — behind the even pace or
 * short by the projection ({@link ClassProgressRow#atRisk()}) — gets a message pointing to 我的勤工助学, which then
 * goes out by their channels (e-mail, class group) like any message. Once per student and month (table dlv_digest,
 * kind WARNING), however often the job runs.
 */
@Service
public class Warnings {

    /** The job reads every class: it acts as the school-wide center, never as a person. */
    private static final CurrentUser JOB = new CurrentUser(0, "system", "system", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));

    private final HoursLedger ledger;
    private final Organization organization;
    private final Roster roster;
    private final Notifications notifications;
    private final DeliveryStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    Warnings(HoursLedger ledger, Organization organization, Roster roster, Notifications notifications,
            DeliveryStore store, TransactionTemplate tx, Clock clock) {
        this.ledger = ledger;
        this.organization = organization;
        this.roster = roster;
        this.notifications = notifications;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    /** Warns the students at risk in every active class; returns how many were warned now. */
    public int sendMonthly(LocalDate day) {
        return sendMonthly(day, organization.classes(new StudentScope(true, Set.of(), Set.of(), Set.of()), null, null)
                .stream().filter(ClassRow::active).map(ClassRow::id).toList());
    }

    int sendMonthly(LocalDate day, List<Long> classIds) {
        String period = day.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        int sent = 0;
        for (long classId : classIds) {
            for (ClassProgressRow row : ledger.classProgress(JOB, classId)) {
                if (!row.atRisk()) {
                    continue;
                }
                Long account = roster.find(row.studentId()).map(s -> s.accountId()).orElse(null);
                if (account == null) {
                    continue;
                }
                Boolean done = tx.execute(s -> {
                    if (!store.markDigest("WARNING", period, account, clock.instant())) {
                        return false;
                    }
                    notifications.send(account, row.behind() ? "delivery.warning.behind" : "delivery.warning.short",
                            List.of(Decimals.plain(row.hours()), Decimals.plain(row.expectedHours())), "/my/hours");
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
