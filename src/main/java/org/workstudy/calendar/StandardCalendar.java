package org.workstudy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workstudy.shared.TermCode;

/**
 * A plausible standard calendar for demo data and a first set-up; an administrator corrects it on the calendar page.
 *
 * <p>Terms: the autumn term starts on the first Monday on or after 1 September and lasts 20 weeks (to mid January);
 * the spring term starts on the first Monday on or after 20 February and at least two weeks after the Spring
 * Festival, and lasts 19 weeks (to early or mid July).
 *
 * <p>Holidays: for 2022–2026 the State Council's published schedules (国务院办公厅关于节假日安排的通知), with their
 * make-up workdays (调休). For other years only the statutory days that can be computed without a published
 * schedule: 元旦 (1 Jan), 春节 (New Year's Eve to the 3rd day, from a table of lunar new year dates 2016–2040),
 * 劳动节 (1–2 May), 国庆节 (1–3 Oct). 清明, 端午 and 中秋 and all make-up workdays are left out for those years: they
 * depend on the lunar calendar and on a schedule that is only published the year before.
 */
final class StandardCalendar {

    private StandardCalendar() {
    }

    /** A term to create: code and dates. */
    record TermDates(TermCode code, LocalDate startsOn, LocalDate endsOn) {
    }

    /** The autumn and spring terms of the academic years that start in {@code fromYear} .. {@code toYear}. */
    static List<TermDates> terms(int fromYear, int toYear) {
        List<TermDates> out = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            LocalDate autumn = LocalDate.of(year, 9, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            out.add(new TermDates(new TermCode(year, 1), autumn, autumn.plusWeeks(20).minusDays(1)));
            LocalDate earliest = LocalDate.of(year + 1, 2, 20);
            LocalDate festival = LUNAR_NEW_YEAR.get(year + 1);
            if (festival != null && festival.plusWeeks(2).isAfter(earliest)) {
                earliest = festival.plusWeeks(2);
            }
            LocalDate spring = earliest.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            out.add(new TermDates(new TermCode(year, 2), spring, spring.plusWeeks(19).minusDays(1)));
        }
        return out;
    }

    /** Public holidays and make-up workdays of a calendar year. */
    static List<SpecialDay> specialDays(int year) {
        List<SpecialDay> days = new ArrayList<>();
        switch (year) {
            case 2022 -> {
                holidays(days, "元旦", 2022, 1, 1, 3);
                holidays(days, "春节", 2022, 1, 31, 7);
                makeup(days, "春节调休", 2022, 1, 29);
                makeup(days, "春节调休", 2022, 1, 30);
                holidays(days, "清明节", 2022, 4, 3, 3);
                makeup(days, "清明节调休", 2022, 4, 2);
                holidays(days, "劳动节", 2022, 4, 30, 5);
                makeup(days, "劳动节调休", 2022, 4, 24);
                makeup(days, "劳动节调休", 2022, 5, 7);
                holidays(days, "端午节", 2022, 6, 3, 3);
                holidays(days, "中秋节", 2022, 9, 10, 3);
                holidays(days, "国庆节", 2022, 10, 1, 7);
                makeup(days, "国庆节调休", 2022, 10, 8);
                makeup(days, "国庆节调休", 2022, 10, 9);
                holidays(days, "元旦", 2022, 12, 31, 1); // 2023's New Year holiday starts on 31 Dec 2022
            }
            case 2023 -> {
                holidays(days, "元旦", 2023, 1, 1, 2);
                holidays(days, "春节", 2023, 1, 21, 7);
                makeup(days, "春节调休", 2023, 1, 28);
                makeup(days, "春节调休", 2023, 1, 29);
                holidays(days, "清明节", 2023, 4, 5, 1);
                holidays(days, "劳动节", 2023, 4, 29, 5);
                makeup(days, "劳动节调休", 2023, 4, 23);
                makeup(days, "劳动节调休", 2023, 5, 6);
                holidays(days, "端午节", 2023, 6, 22, 3);
                makeup(days, "端午节调休", 2023, 6, 25);
                holidays(days, "中秋节、国庆节", 2023, 9, 29, 8);
                makeup(days, "国庆节调休", 2023, 10, 7);
                makeup(days, "国庆节调休", 2023, 10, 8);
                holidays(days, "元旦", 2023, 12, 30, 2); // 2024's New Year holiday: 30 Dec 2023 – 1 Jan 2024
            }
            case 2024 -> {
                holidays(days, "元旦", 2024, 1, 1, 1);
                holidays(days, "春节", 2024, 2, 10, 8);
                makeup(days, "春节调休", 2024, 2, 4);
                makeup(days, "春节调休", 2024, 2, 18);
                holidays(days, "清明节", 2024, 4, 4, 3);
                makeup(days, "清明节调休", 2024, 4, 7);
                holidays(days, "劳动节", 2024, 5, 1, 5);
                makeup(days, "劳动节调休", 2024, 4, 28);
                makeup(days, "劳动节调休", 2024, 5, 11);
                holidays(days, "端午节", 2024, 6, 8, 3);
                holidays(days, "中秋节", 2024, 9, 15, 3);
                makeup(days, "中秋节调休", 2024, 9, 14);
                holidays(days, "国庆节", 2024, 10, 1, 7);
                makeup(days, "国庆节调休", 2024, 9, 29);
                makeup(days, "国庆节调休", 2024, 10, 12);
            }
            case 2025 -> {
                holidays(days, "元旦", 2025, 1, 1, 1);
                holidays(days, "春节", 2025, 1, 28, 8);
                makeup(days, "春节调休", 2025, 1, 26);
                makeup(days, "春节调休", 2025, 2, 8);
                holidays(days, "清明节", 2025, 4, 4, 3);
                holidays(days, "劳动节", 2025, 5, 1, 5);
                makeup(days, "劳动节调休", 2025, 4, 27);
                holidays(days, "端午节", 2025, 5, 31, 3);
                holidays(days, "国庆节、中秋节", 2025, 10, 1, 8);
                makeup(days, "国庆节调休", 2025, 9, 28);
                makeup(days, "国庆节调休", 2025, 10, 11);
            }
            case 2026 -> {
                holidays(days, "元旦", 2026, 1, 1, 3);
                makeup(days, "元旦调休", 2026, 1, 4);
                holidays(days, "春节", 2026, 2, 15, 9);
                makeup(days, "春节调休", 2026, 2, 14);
                makeup(days, "春节调休", 2026, 2, 28);
                holidays(days, "清明节", 2026, 4, 4, 3);
                holidays(days, "劳动节", 2026, 5, 1, 5);
                makeup(days, "劳动节调休", 2026, 5, 9);
                holidays(days, "端午节", 2026, 6, 19, 3);
                holidays(days, "中秋节", 2026, 9, 25, 3);
                holidays(days, "国庆节", 2026, 10, 1, 7);
                makeup(days, "国庆节调休", 2026, 9, 20);
                makeup(days, "国庆节调休", 2026, 10, 10);
            }
            default -> statutoryOnly(days, year);
        }
        return days;
    }

    /** Years without a known schedule: the fixed-date statutory days and the Spring Festival, no make-up days. */
    private static void statutoryOnly(List<SpecialDay> days, int year) {
        holidays(days, "元旦", year, 1, 1, 1);
        LocalDate festival = LUNAR_NEW_YEAR.get(year);
        if (festival != null) {
            LocalDate eve = festival.minusDays(1);
            for (int i = 0; i < 4; i++) {
                if (eve.plusDays(i).getYear() == year) {
                    days.add(new SpecialDay(eve.plusDays(i), SpecialDayKind.HOLIDAY, "春节"));
                }
            }
        }
        holidays(days, "劳动节", year, 5, 1, 2);
        holidays(days, "国庆节", year, 10, 1, 3);
    }

    private static void holidays(List<SpecialDay> days, String name, int year, int month, int day, int count) {
        LocalDate first = LocalDate.of(year, month, day);
        for (int i = 0; i < count; i++) {
            days.add(new SpecialDay(first.plusDays(i), SpecialDayKind.HOLIDAY, name));
        }
    }

    private static void makeup(List<SpecialDay> days, String name, int year, int month, int day) {
        days.add(new SpecialDay(LocalDate.of(year, month, day), SpecialDayKind.MAKEUP_WORKDAY, name));
    }

    /** 春节 (the first day of the lunar year). */
    static final Map<Integer, LocalDate> LUNAR_NEW_YEAR = Map.ofEntries(
            Map.entry(2016, LocalDate.of(2016, Month.FEBRUARY, 8)),
            Map.entry(2017, LocalDate.of(2017, Month.JANUARY, 28)),
            Map.entry(2018, LocalDate.of(2018, Month.FEBRUARY, 16)),
            Map.entry(2019, LocalDate.of(2019, Month.FEBRUARY, 5)),
            Map.entry(2020, LocalDate.of(2020, Month.JANUARY, 25)),
            Map.entry(2021, LocalDate.of(2021, Month.FEBRUARY, 12)),
            Map.entry(2022, LocalDate.of(2022, Month.FEBRUARY, 1)),
            Map.entry(2023, LocalDate.of(2023, Month.JANUARY, 22)),
            Map.entry(2024, LocalDate.of(2024, Month.FEBRUARY, 10)),
            Map.entry(2025, LocalDate.of(2025, Month.JANUARY, 29)),
            Map.entry(2026, LocalDate.of(2026, Month.FEBRUARY, 17)),
            Map.entry(2027, LocalDate.of(2027, Month.FEBRUARY, 6)),
            Map.entry(2028, LocalDate.of(2028, Month.JANUARY, 26)),
            Map.entry(2029, LocalDate.of(2029, Month.FEBRUARY, 13)),
            Map.entry(2030, LocalDate.of(2030, Month.FEBRUARY, 3)),
            Map.entry(2031, LocalDate.of(2031, Month.JANUARY, 23)),
            Map.entry(2032, LocalDate.of(2032, Month.FEBRUARY, 11)),
            Map.entry(2033, LocalDate.of(2033, Month.JANUARY, 31)),
            Map.entry(2034, LocalDate.of(2034, Month.FEBRUARY, 19)),
            Map.entry(2035, LocalDate.of(2035, Month.FEBRUARY, 8)),
            Map.entry(2036, LocalDate.of(2036, Month.JANUARY, 28)),
            Map.entry(2037, LocalDate.of(2037, Month.FEBRUARY, 15)),
            Map.entry(2038, LocalDate.of(2038, Month.FEBRUARY, 4)),
            Map.entry(2039, LocalDate.of(2039, Month.JANUARY, 24)),
            Map.entry(2040, LocalDate.of(2040, Month.FEBRUARY, 12)));
}
