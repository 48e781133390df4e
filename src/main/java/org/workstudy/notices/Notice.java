package org.workstudy.notices;

import java.time.LocalDate;
import java.util.Optional;

import org.workstudy.shared.BusinessException;

/**
 * A published notice as stored, with the counts the board shows. It knows its own rules: when objections may be
 * raised, and whether (and from which day) it becomes final.
 */
record Notice(long id, NoticeKind kind, Long subjectId, String title, Long collegeId, Integer cohort,
        int workingDays, LocalDate publishedOn, NoticePeriod period, LocalDate finalOn, int items, int withdrawn,
        int openObjections) {

    boolean isFinal() {
        return finalOn != null;
    }

    /** Objections are taken from the first to the last working day of the period, both included. */
    void requireOpenForObjections(LocalDate today) {
        if (today.isBefore(period.startsOn())) {
            throw BusinessException.invalid("notices.objection.not-started", period.startsOn());
        }
        if (today.isAfter(period.endsOn())) {
            throw BusinessException.invalid("notices.objection.ended", period.endsOn());
        }
    }

    /**
     * The day the notice becomes final if it does on {@code today}: its period has passed and no objection is open;
     * from the day after its last working day, or the day its last objection was answered, whichever is later.
     * Empty: not yet, or final already.
     */
    Optional<LocalDate> finalOn(LocalDate today, LocalDate lastAnswer) {
        if (isFinal() || !today.isAfter(period.endsOn()) || openObjections > 0) {
            return Optional.empty();
        }
        LocalDate day = period.endsOn().plusDays(1);
        return Optional.of(lastAnswer != null && lastAnswer.isAfter(day) ? lastAnswer : day);
    }

    /** Where the notice stands on {@code today}. */
    NoticeStatus statusOn(LocalDate today) {
        if (finalOn != null) {
            return NoticeStatus.FINAL;
        }
        if (today.isBefore(period.startsOn())) {
            return NoticeStatus.UPCOMING;
        }
        if (period.runsOn(today)) {
            return NoticeStatus.RUNNING;
        }
        return openObjections > 0 ? NoticeStatus.AWAITING_ANSWERS : NoticeStatus.ENDED;
    }
}
