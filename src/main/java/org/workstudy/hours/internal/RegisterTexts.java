package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.workstudy.hours.RecordStatus;
import org.workstudy.hours.WorkRecordView;

/** The register's words in one language, for the exports (the pages use the same message keys). */
final class RegisterTexts {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final Locale locale;

    RegisterTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The student's classes in order, as the register page shows them ("A →（date 复学）B"); empty when never moved. */
    String classHistory(StudentRegister r) {
        StringBuilder out = new StringBuilder();
        for (var c : r.classMoves()) {
            if (out.isEmpty()) {
                out.append(c.fromClassName());
            }
            out.append(' ').append(msg("register.class-move", c.effectiveOn(), msg("status.kind." + c.kind()),
                    c.toClassName()));
        }
        return out.toString();
    }

    static String hours(BigDecimal h) {
        return h == null ? "" : h.setScale(Math.max(1, Math.min(2, h.stripTrailingZeros().scale())),
                RoundingMode.HALF_UP).toPlainString();
    }

    /** Days and shares: already rounded down to one decimal, shown with it ("1.0"). */
    static String oneDecimal(BigDecimal n) {
        return n == null ? "" : n.setScale(1, RoundingMode.DOWN).toPlainString();
    }

    static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    String time(RegisterLine l) {
        WorkRecordView r = l.record();
        if (r.startsAt() == null) {
            return "—";
        }
        if (r.endsAt() == null) {
            return r.startsAt().format(HM) + "–";
        }
        // one shift across midnight: "20:00–次日02:00"
        return r.startsAt().format(HM) + "–" + (r.endsAt().isAfter(r.startsAt()) ? "" : msg("hours.next-day"))
                + r.endsAt().format(HM);
    }

    String no(RegisterLine l) {
        return l.followUp() ? msg(l.voidEntry() ? "register.void" : "register.correction") : String.valueOf(l.no());
    }

    String recorderRole(RegisterLine l) {
        return msg(l.recorderRoleKey());
    }

    String confirmerRole(RegisterLine l) {
        if (l.confirmerName() == null) {
            return "";
        }
        return l.confirmedOnRecord() ? msg("register.confirmed-on-record") : msg(l.confirmerRoleKey());
    }

    String status(RegisterLine l) {
        WorkRecordView r = l.record();
        String s = msg("hours.status." + r.status());
        if ((r.status() == RecordStatus.NOT_COUNTED || r.status() == RecordStatus.WAITING_CONFIRMATION)
                && r.statusKey() != null) {
            s += "：" + msg(r.statusKey());
        }
        return s;
    }

    String note(RegisterLine l) {
        WorkRecordView r = l.record();
        StringBuilder out = new StringBuilder();
        if (l.correction()) {
            out.append(msg("register.correction-note", r.reason()));
        } else if (l.voidEntry()) {
            out.append(msg("register.void-note", r.reason()));
        } else if (r.status() == RecordStatus.CORRECTED) {
            out.append(msg("register.superseded-note"));
        } else if (r.status() == RecordStatus.VOIDED) {
            out.append(msg("register.voided-note"));
        }
        if (r.rejectionReason() != null) {
            out.append(out.isEmpty() ? "" : "；").append(r.rejectionReason());
        }
        return out.toString();
    }

    String totals(StudentRegister r) {
        String line = msg("register.totals.line", hours(r.hours()), oneDecimal(r.days()), plain(r.hoursPerDay()),
                plain(r.requiredHours()), oneDecimal(r.sharePercent()));
        line += "（" + msg(r.completed() ? "register.totals.completed" : "register.totals.not-completed") + "）";
        if (r.waitingHours().signum() > 0) {
            line += " " + msg("register.totals.waiting", hours(r.waitingHours()));
        }
        return line;
    }
}
