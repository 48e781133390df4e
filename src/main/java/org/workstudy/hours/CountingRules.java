package org.workstudy.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.DayKind;
import org.workstudy.calendar.Term;
import org.workstudy.placements.SelfArrangedView;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;

/**
 * The counting rules of DESIGN section 2 (rules 3–6) and the national term-time caps, as a pure class: no database,
 * no clock, no Spring. Each broken rule is a {@link BusinessException#invalid} whose message key names the rule
 * ({@code hours.rule.*}), so that a record that would not count is refused when it is entered.
 *
 * <ul>
 * <li><b>Window</b> (rule 3): the date lies in the student's {@link CountingWindow}, their first
 * {@code semesterWindow} semesters of study (suspended terms do not count), not in a suspension (休学) and not on or
 * after the day they left (退学, 毕业). Make-up (补修): for a student on the deferred graduation list, a date after the
 * window also passes when the student's make-up period ({@link MakeUpWindows}) covers it; all the other rules still
 * apply.</li>
 * <li><b>Outside class time</b> (rule 4): weekends, public holidays and vacations count at any hour. On a term
 * weekday or a make-up workday (调休上班, a weekday even on a Saturday or Sunday) a placement needs an EVENING
 * position, and any record (placement or self-arranged) must give its start time, at or after
 * {@code eveningFrom}.</li>
 * <li><b>Placements</b>: the date lies in the position's work period and, if the placement ended, no later than the
 * day it ended. (It may lie before the day the placement was entered: arranged placements are often entered after
 * the work began.)</li>
 * <li><b>Self-arranged work</b> (rules 5, 6): the registration is approved by the counselor on or before the date
 * (work before the approval never counts: refused); the date lies in the registered period; out of the home city the
 * vice dean approved before the start (otherwise refused). The employer's certificate comes after the work: a record
 * without it is accepted but does not count until the certificate is verified ({@link #notCountingReason}).</li>
 * <li><b>No overlap</b>: no two records of a student overlap in time (touching, end = start, is fine). Records given
 * as hours without times cannot overlap; the day cap still holds for them.</li>
 * <li><b>Day cap</b>: at most {@code dayHours} a day, every day.</li>
 * <li><b>Term-time caps</b> (national rule 3): at most {@code termWeekHours} in a Monday–Sunday week and
 * {@code termMonthHours} in a calendar month, counting only term-time days: the days of a term's teaching period
 * [start, end], weekends and the public holidays that fall inside it included. Vacation days (from the day after a
 * term's last day to the day before the next term starts, with the holidays inside them, such as the Spring
 * Festival) are uncapped. A week or month that spans term and vacation is capped on its term-time days only: hours
 * worked on its vacation days neither count against the cap nor are limited by it.</li>
 * </ul>
 *
 * <p>"Other" records are the student's records that count or wait for confirmation, excluding the one being
 * corrected.
 */
final class CountingRules {

    private final CalendarSnapshot calendar;
    private final CountingSettings settings;

    CountingRules(CalendarSnapshot calendar, CountingSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The hours of a record: as given, or the time between start and end. Checks both are sensible. */
    static BigDecimal hoursOf(NewWorkRecord r) {
        BigDecimal byTimes = null;
        if (r.startsAt() != null || r.endsAt() != null) {
            if (r.startsAt() == null || r.endsAt() == null) {
                throw BusinessException.invalid("hours.rule.times-incomplete");
            }
            if (r.endsAt().equals(r.startsAt())) {
                throw BusinessException.invalid("hours.rule.times-reversed", r.startsAt(), r.endsAt());
            }
            long minutes = ChronoUnit.MINUTES.between(r.startsAt(), r.endsAt());
            if (minutes < 0) {
                minutes += 24 * 60; // ends on the next day (overnight work)
            }
            byTimes = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        }
        BigDecimal hours = r.hours() != null ? r.hours() : byTimes;
        if (hours == null) {
            throw BusinessException.invalid("hours.rule.hours-required");
        }
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.stripTrailingZeros().scale() > 2) {
            throw BusinessException.invalid("hours.rule.hours-invalid", hours);
        }
        if (byTimes != null && hours.compareTo(byTimes) > 0) {
            throw BusinessException.invalid("hours.rule.hours-exceed-times", hours, byTimes);
        }
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Refuses a record that would not count. {@code others} are the student's other counting or waiting records;
     * {@code today} refuses work in the future.
     */
    void check(TermCode enrolmentTerm, NewWorkRecord record, SourceFacts source, Collection<Slot> others,
            LocalDate today) {
        check(enrolmentTerm, record, source, others, endOf(today), null);
    }

    /** As above, with the moment it is now: work that ends later today has not been done yet. */
    void check(TermCode enrolmentTerm, NewWorkRecord record, SourceFacts source, Collection<Slot> others,
            LocalDateTime now) {
        check(enrolmentTerm, record, source, others, now, null);
    }

    void check(TermCode enrolmentTerm, NewWorkRecord record, SourceFacts source, Collection<Slot> others,
            LocalDate today, MakeUpWindows.Period makeUp) {
        check(enrolmentTerm, record, source, others, endOf(today), makeUp);
    }

    private static LocalDateTime endOf(LocalDate day) {
        return day == null ? null : day.atTime(LocalTime.MAX);
    }

    /**
     * As above, for a student with a make-up period (补修, {@link MakeUpWindows}): work dated after the window counts
     * when the period covers its date; every other rule still applies.
     */
    void check(TermCode enrolmentTerm, NewWorkRecord record, SourceFacts source, Collection<Slot> others,
            LocalDateTime now, MakeUpWindows.Period makeUp) {
        check(CountingWindow.of(calendar, enrolmentTerm, settings.semesterWindow()), record, source, others, now,
                makeUp);
    }

    /** As above, with the student's counting window (suspensions and leaving included). */
    void check(CountingWindow window, NewWorkRecord record, SourceFacts source, Collection<Slot> others,
            LocalDateTime now, MakeUpWindows.Period makeUp) {
        BigDecimal hours = hoursOf(record);
        LocalDate date = record.workDate();
        if (date == null) {
            throw BusinessException.invalid("hours.rule.date-required");
        }
        if (now != null && date.isAfter(now.toLocalDate())) {
            throw BusinessException.invalid("hours.rule.future", date);
        }
        // an overnight record is checked on each date it was worked on: window, kind of day, source, caps
        List<Slot> parts = Slot.of(date, record.startsAt(), record.endsAt(), hours);
        for (Slot part : parts) {
            checkDate(window, record, source, part, makeUp);
        }
        // hours are recorded for work done (checked after the rules of the day and source, which say more): a record ending later today (09:00–15:00 at 00:36) is refused
        if (now != null && record.endsAt() != null) {
            LocalDate endDate = Slot.overnight(record.startsAt(), record.endsAt()) ? date.plusDays(1) : date;
            if (endDate.atTime(record.endsAt()).isAfter(now)) {
                throw BusinessException.invalid("hours.rule.not-ended", endDate, record.endsAt());
            }
        }
        List<Slot> occupied = new ArrayList<>(others);
        for (Slot part : parts) {
            checkOverlapAndCaps(part, occupied);
            occupied.add(part);
        }
    }

    private void checkDate(CountingWindow window, NewWorkRecord record, SourceFacts source, Slot part,
            MakeUpWindows.Period makeUp) {
        LocalDate date = part.date();
        checkWindow(window, date, makeUp);
        DayKind kind = calendar.kindOf(date);
        if (kind == DayKind.OUTSIDE_CALENDAR) {
            throw BusinessException.invalid("hours.rule.outside-calendar", date);
        }
        if (source instanceof SourceFacts.Placement p) {
            checkPlacement(p, date, kind);
        } else if (source instanceof SourceFacts.SelfArranged s) {
            checkSelfArranged(s.view(), date);
        }
        if (kind.isWorkday()) {
            if (!part.date().equals(record.workDate())) {
                // the hours after midnight fall on a day with classes: work there counts only in the evening
                throw BusinessException.invalid("hours.rule.after-midnight-on-workday", date, settings.eveningFrom());
            }
            if (record.startsAt() == null || record.startsAt().isBefore(settings.eveningFrom())) {
                throw BusinessException.invalid("hours.rule.weekday-evening-only", date, settings.eveningFrom());
            }
        }
    }

    /** Why a record that was accepted does not count (yet), if it does not: the self-arranged certificate. */
    static Optional<String> notCountingReason(SourceFacts source, LocalDate date) {
        if (source instanceof SourceFacts.SelfArranged s && !s.view().countsOn(date)) {
            SelfArrangedView v = s.view();
            return Optional.of(v.outOfCity() && !v.certificateVerified() ? "hours.not-counted.certificate"
                    : "hours.not-counted.self-arranged");
        }
        return Optional.empty();
    }

    private void checkWindow(CountingWindow window, LocalDate date, MakeUpWindows.Period makeUp) {
        if (!window.known()) {
            throw BusinessException.invalid("hours.rule.enrolment-not-in-calendar", window.enrolment());
        }
        if (window.left(date)) {
            throw BusinessException.invalid("hours.rule.left", window.periods().leftOn());
        }
        Optional<org.workstudy.organization.StudyPeriods.Suspension> suspended = window.suspensionOn(date);
        if (suspended.isPresent()) {
            throw BusinessException.invalid("hours.rule.suspended", suspended.get().from(), suspended.get().to());
        }
        boolean after = window.until() != null && !date.isBefore(window.until());
        if (makeUp != null && after && makeUp.covers(date)) {
            return;
        }
        if (!window.spans(date)) {
            throw BusinessException.invalid("hours.rule.semester-window", window.semesters(), window.from(),
                    window.end().map(LocalDate::toString).orElse("…"));
        }
    }

    private static void checkPlacement(SourceFacts.Placement p, LocalDate date, DayKind kind) {
        if ((p.workFrom() != null && date.isBefore(p.workFrom())) || (p.workTo() != null && date.isAfter(p.workTo()))) {
            throw BusinessException.invalid("hours.rule.position-period", p.workFrom(), p.workTo());
        }
        if (p.endedOn() != null && date.isAfter(p.endedOn())) {
            throw p.cancellationReason() == null ? BusinessException.invalid("hours.rule.placement-ended", p.endedOn())
                    : BusinessException.invalid("hours.rule.placement-ended-because", p.endedOn(),
                            p.cancellationReason());
        }
        if (kind.isWorkday() && !p.evening()) {
            throw BusinessException.invalid("hours.rule.weekday-needs-evening-position", date);
        }
    }

    private static void checkSelfArranged(SelfArrangedView v, LocalDate date) {
        if (v.counselorApprovedOn() == null) {
            throw BusinessException.invalid("hours.rule.self-arranged-not-approved");
        }
        if (date.isBefore(v.counselorApprovedOn())) {
            throw BusinessException.invalid("hours.rule.self-arranged-before-approval", v.counselorApprovedOn());
        }
        if (date.isBefore(v.startsOn()) || date.isAfter(v.endsOn())) {
            throw BusinessException.invalid("hours.rule.self-arranged-period", v.startsOn(), v.endsOn());
        }
        if (v.outOfCity() && (v.viceDeanApprovedOn() == null || !v.viceDeanApprovedOn().isBefore(v.startsOn()))) {
            throw BusinessException.invalid("hours.rule.out-of-city-without-vice-dean");
        }
        switch (v.status()) {
            case WITHDRAWN, REFUSED, RETURNED, SUBMITTED -> throw BusinessException.invalid(
                    "hours.rule.self-arranged-not-approved");
            default -> {
            }
        }
    }

    private void checkOverlapAndCaps(Slot slot, Collection<Slot> others) {
        for (Slot other : others) {
            if (slot.overlaps(other)) {
                throw BusinessException.invalid("hours.rule.overlap", other.date(), other.startsAt(),
                        other.endsAt() == Slot.MIDNIGHT ? LocalTime.MIDNIGHT : other.endsAt());
            }
        }
        BigDecimal day = sum(others, o -> o.date().equals(slot.date()));
        if (day.add(slot.hours()).compareTo(settings.dayHours()) > 0) {
            throw BusinessException.invalid("hours.rule.day-cap", settings.dayHours(), day, slot.date());
        }
        if (!termTime(slot.date())) {
            return;
        }
        LocalDate monday = slot.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        BigDecimal week = sum(others, o -> !o.date().isBefore(monday) && !o.date().isAfter(sunday) && termTime(o.date()));
        if (week.add(slot.hours()).compareTo(settings.termWeekHours()) > 0) {
            throw BusinessException.invalid("hours.rule.term-week-cap", settings.termWeekHours(), week);
        }
        YearMonth month = YearMonth.from(slot.date());
        BigDecimal inMonth = sum(others, o -> YearMonth.from(o.date()).equals(month) && termTime(o.date()));
        if (inMonth.add(slot.hours()).compareTo(settings.termMonthHours()) > 0) {
            throw BusinessException.invalid("hours.rule.term-month-cap", settings.termMonthHours(), inMonth);
        }
    }

    /** Inside a term's teaching period (weekends and holidays in it included); vacations are not term time. */
    boolean termTime(LocalDate date) {
        return calendar.periodTermOf(date).map(t -> t.contains(date)).orElse(false);
    }

    private static BigDecimal sum(Collection<Slot> slots, java.util.function.Predicate<Slot> which) {
        return slots.stream().filter(which).map(Slot::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** For tests and progress: the term whose period contains the date. */
    Optional<Term> periodTermOf(LocalDate date) {
        return calendar.periodTermOf(date);
    }
}
