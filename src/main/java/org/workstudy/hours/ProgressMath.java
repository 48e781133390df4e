package org.workstudy.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.hours.internal.MonthHours;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.Projection;
import org.workstudy.shared.TermCode;

/**
 * Progress figures as pure functions. Days and shares are rounded down to one decimal, so that 359.9 hours show as
 * 59.9 days and 99.9 %, never as the 60.0 days and 100.0 % of a completed course.
 *
 * <p><b>Behind</b>: the expectation on a day is the required hours spread evenly over the semesters of study of the
 * window ({@link CountingWindow}),
 * pro rata for the part of the current semester that has passed: {@code required × min(window, (n − 1) + f) /
 * window}, where n is the current semester number and f the share of its days (first day to the day before the next
 * semester) already passed. A student is behind when their counted hours are below it. Before the first semester
 * nobody is behind; after the window the expectation is the whole requirement.
 */
final class ProgressMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_MONTHS = 60;

    private ProgressMath() {
    }

    static BigDecimal days(BigDecimal hours, CountingSettings s) {
        return hours.divide(s.hoursPerDay(), 1, RoundingMode.DOWN);
    }

    static BigDecimal share(BigDecimal hours, CountingSettings s) {
        return hours.multiply(HUNDRED).divide(s.requiredHours(), 1, RoundingMode.DOWN);
    }

    static boolean completed(BigDecimal hours, CountingSettings s) {
        return hours.compareTo(s.requiredHours()) >= 0;
    }

    static Progress progress(long studentId, List<Slot> counted, BigDecimal waiting, CalendarSnapshot calendar,
            TermCode enrolment, LocalDate today, CountingSettings s) {
        return progress(studentId, counted, waiting, CountingWindow.of(calendar, enrolment, s.semesterWindow()), today,
                s);
    }

    /** Progress within the student's counting window (semesters of study, see {@link CountingWindow}). */
    static Progress progress(long studentId, List<Slot> counted, BigDecimal waiting, CountingWindow window,
            LocalDate today, CountingSettings s) {
        BigDecimal hours = counted.stream().map(Slot::hours).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        TreeMap<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        counted.forEach(c -> byMonth.merge(YearMonth.from(c.date()), c.hours(), BigDecimal::add));
        YearMonth first = Optional.ofNullable(window.from()).map(YearMonth::from)
                .orElse(byMonth.isEmpty() ? YearMonth.from(today) : byMonth.firstKey());
        YearMonth last = YearMonth.from(today);
        Optional<LocalDate> windowEnd = window.end();
        if (windowEnd.isPresent() && YearMonth.from(windowEnd.get()).isBefore(last)) {
            last = YearMonth.from(windowEnd.get());
        }
        if (!byMonth.isEmpty() && byMonth.lastKey().isAfter(last)) {
            last = byMonth.lastKey();
        }
        if (!byMonth.isEmpty() && byMonth.firstKey().isBefore(first)) {
            first = byMonth.firstKey();
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        List<MonthHours> series = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            BigDecimal h = byMonth.getOrDefault(m, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            running = running.add(h);
            series.add(new MonthHours(m, h, running));
        }
        OptionalInt semester = window.semesterOf(today);
        BigDecimal remaining = s.requiredHours().subtract(hours).max(BigDecimal.ZERO);
        return new Progress(studentId, hours, days(hours, s), share(hours, s), s.requiredHours(), remaining,
                waiting.setScale(2, RoundingMode.HALF_UP), series,
                semester.isPresent() ? semester.getAsInt() : null, window.semestersLeft(today), completed(hours, s));
    }

    /** The pro-rata expectation on {@code today} (see the class comment). */
    static BigDecimal expected(CalendarSnapshot calendar, TermCode enrolment, LocalDate today, CountingSettings s) {
        return expected(CountingWindow.of(calendar, enrolment, s.semesterWindow()), today, s);
    }

    /**
     * The pro-rata expectation on {@code today} over the semesters of study: a term that is not one (suspended)
     * adds nothing, so a suspended student's expectation waits for them.
     */
    static BigDecimal expected(CountingWindow window, LocalDate today, CountingSettings s) {
        if (!window.known()) {
            return BigDecimal.ZERO;
        }
        double elapsed = window.semestersPassed(today);
        return s.requiredHours().multiply(BigDecimal.valueOf(Math.min(elapsed, s.semesterWindow())))
                .divide(BigDecimal.valueOf(s.semesterWindow()), 1, RoundingMode.DOWN);
    }

    /** Days of the window still ahead that allow work at any hour: weekends and public holidays, vacation days. */
    record DaysLeft(int weekendsAndHolidays, int vacationDays) {
    }

    /** The early warning over the days left (see {@link Projection}). */
    static Projection projection(BigDecimal countedHours, int daysWorked, BigDecimal remaining, DaysLeft left,
            Projection.Assumptions a) {
        return Projection.of(countedHours, daysWorked, remaining, left.weekendsAndHolidays(), left.vacationDays(), a);
    }

    /**
     * The days from {@code today} to {@code windowEnd} (both included) on which work counts at any hour, by the
     * academic calendar: term weekends and public holidays, and winter and summer vacation days. Term weekdays (work
     * only in the evening), make-up workdays and days the calendar does not know are not counted. None after the end.
     */
    static DaysLeft daysLeft(CalendarSnapshot calendar, LocalDate today, LocalDate windowEnd) {
        int weekends = 0;
        int vacation = 0;
        for (LocalDate d = today; windowEnd != null && !d.isAfter(windowEnd); d = d.plusDays(1)) {
            var kind = calendar.kindOf(d);
            if (kind.isVacation()) {
                vacation++;
            } else if (kind.countsWithoutEvening()) {
                weekends++;
            }
        }
        return new DaysLeft(weekends, vacation);
    }

    /** The last day of the semester window of a student enrolled in {@code enrolment}, if the calendar knows it. */
    static Optional<LocalDate> windowEnd(CalendarSnapshot calendar, TermCode enrolment, CountingSettings s) {
        return CountingWindow.of(calendar, enrolment, s.semesterWindow()).end();
    }
}
