package org.workstudy.assessment.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.workstudy.assessment.internal.AssessmentFigures;

/**
 * What the pages say under a month's status, as plain sentences for the documents without the page (the .xlsx
 * exports, the PDF report): frozen when (and, for a month frozen late, 补冻结 with the day its on-track figures are
 * of), or live and how old the kept live figures may be.
 */
@Component
class PeriodNotes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final AssessmentFigures figures;
    private final ZoneId zone;

    PeriodNotes(MessageSource messages, AssessmentFigures figures, Clock clock) {
        this.messages = messages;
        this.figures = figures;
        this.zone = clock.getZone();
    }

    /**
     * The sentences on a month's figures: {@code standingsDay} is the last day of a month frozen late (null when it
     * was frozen on time or is not frozen), {@code computedAt} when live figures were computed.
     */
    List<String> month(boolean frozen, Instant frozenAt, LocalDate standingsDay, Instant computedAt, Locale locale) {
        List<String> out = new ArrayList<>();
        if (frozen && frozenAt != null) {
            String at = MINUTE.format(frozenAt.atZone(zone));
            out.add(standingsDay == null ? msg(locale, "asm.frozen-at", at)
                    : msg(locale, "asm.reconstructed", at, standingsDay.toString()));
        } else {
            out.add(msg(locale, "asm.not-frozen-note"));
            String kept = liveKept(computedAt, locale);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    /** How old the live figures may be, or null when they are not kept (or the figures are frozen). */
    String liveKept(Instant computedAt, Locale locale) {
        long seconds = figures.liveFiguresKeptFor().toSeconds();
        return computedAt == null || seconds <= 0 ? null
                : msg(locale, "asm.live-kept", SECOND.format(computedAt.atZone(zone)), String.valueOf(seconds));
    }

    String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
