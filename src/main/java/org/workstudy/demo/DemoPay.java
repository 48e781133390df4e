package org.workstudy.demo;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.pay.PaySheet;
import org.workstudy.pay.PaySheets;

/**
 * The demo's pay history, for the employer with a demo account and most placements (后勤处, on campus): the sheets of
 * the months before last were confirmed by the employer and approved (frozen) by the center; last month's is
 * confirmed and waits for the center. Two in three paid students have entered a bank card. (The off-campus employer's
 * few students rarely work in a given month: opening its sheets would leave empty drafts.)
 */
final class DemoPay {

    private static final String EMPLOYER_ACCOUNT = "yongren";
    /** The demo school's first employer, 后勤处, whose account {@code yongren} is. */
    private static final long EMPLOYER_ID = 1L;

    private final PaySheets pay;
    private final DemoActors actors;
    private final LocalDateTime now;
    private final Random random = new Random(DemoHistory.SEED * 17);

    DemoPay(PaySheets pay, DemoActors actors, LocalDateTime now) {
        this.pay = pay;
        this.actors = actors;
        this.now = now;
    }

    void load() {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        CurrentUser employer = actors.user(EMPLOYER_ACCOUNT, Role.EMPLOYER);
        YearMonth last = YearMonth.from(now).minusMonths(1);
        List<PaySheet> paid = new ArrayList<>();
        for (YearMonth month = last.minusMonths(2); !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth m = month;
            LocalDateTime due = m.plusMonths(1).atDay(3).atTime(10, 0);
            long sheet = actors.as(center, due, () -> pay.open(center, EMPLOYER_ID, m));
            if (actors.as(center, due, () -> pay.sheet(center, sheet)).lines().isEmpty()) {
                continue;
            }
            actors.as(employer, due.plusDays(2), () -> pay.confirm(employer, sheet));
            if (m.isBefore(last)) {
                actors.as(center, due.plusDays(5), () -> pay.approve(center, sheet));
            }
            paid.add(actors.as(center, due.plusDays(5), () -> pay.sheet(center, sheet)));
        }
        cards(paid, last.minusMonths(2).atDay(1).atTime(20, 0));
    }

    /** Two in three of the paid students enter a card (a made-up number of a made-up bank account). */
    private void cards(List<PaySheet> sheets, LocalDateTime at) {
        TreeSet<String> students = new TreeSet<>();
        sheets.forEach(s -> s.lines().forEach(l -> students.add(l.studentNo())));
        for (String studentNo : students) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            StringBuilder card = new StringBuilder("621483");
            while (card.length() < 19) {
                card.append(random.nextInt(10));
            }
            CurrentUser student = actors.user(studentNo, Role.STUDENT);
            actors.as(student, at, () -> pay.saveCard(student, "招商银行厦门分行", card.toString()));
        }
    }
}
