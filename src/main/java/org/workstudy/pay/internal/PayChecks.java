package org.workstudy.pay.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.pay.PaySheet;
import org.workstudy.pay.SheetStatus;
import org.workstudy.shared.BusinessException;

/**
 * Who may do what with pay sheets, and the month a form names: the checks pay's pages and API run before they read
 * what was sent, and that the sheets' services run again. An EMPLOYER reads and opens their own sheets; the center
 * (CENTER_STAFF, CENTER_DIRECTOR) opens, approves and returns anyone's; ADMIN and LEADER read.
 */
public final class PayChecks {

    private static final Set<Role> CENTER = EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR);
    private static final Set<Role> READERS = EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.ADMIN,
            Role.LEADER);

    private PayChecks() {
    }

    public static boolean mayRead(CurrentUser user) {
        return user.acts(Role.EMPLOYER) || READERS.contains(user.activeRole());
    }

    public static boolean isCenter(CurrentUser user) {
        return CENTER.contains(user.activeRole());
    }

    /** Refuses (403) whoever may not do this, before anything they sent is read. */
    public static void require(boolean allowed) {
        if (!allowed) {
            throw BusinessException.forbidden();
        }
    }

    /** May open (prepare) sheets: an employer their own, the center anyone's. */
    public static boolean mayOpen(CurrentUser user) {
        return user.acts(Role.EMPLOYER) || isCenter(user);
    }

    /** May read the school's totals. */
    public static boolean mayReadTotals(CurrentUser user) {
        return READERS.contains(user.activeRole());
    }

    /** Whether this user's export shows full card numbers: the center (its finance section), of a frozen sheet. */
    public static boolean fullCards(CurrentUser user, PaySheet sheet) {
        return isCenter(user) && sheet.status() == SheetStatus.FROZEN;
    }

    /** "2026-11" → the month; refused naming {@code month} otherwise. */
    public static YearMonth month(String text) {
        try {
            YearMonth m = YearMonth.parse(text == null ? "" : text.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw BusinessException.invalid("pay.month.invalid").field("month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("pay.month.invalid").field("month");
        }
    }
}
