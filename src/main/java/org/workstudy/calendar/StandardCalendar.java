package org.workstudy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
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
 * <p>Holidays: for 2022–2026 ({@link #published}) the State Council's arrangements (国务院办公厅关于节假日安排的通知)
 * with their make-up workdays (调休), checked date by date; every other year is provisional: only the days certain
 * by rule ({@link #provisionalDays}), until an administrator imports the year's arrangement.
 *
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
            LocalDate festival = lunar(year + 1, 1, 1);
            if (festival.plusWeeks(2).isAfter(earliest)) {
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
            default -> days.addAll(provisionalDays(year));
        }
        return days;
    }

    /** The calendar years whose State Council arrangement this class holds (published years). */
    static boolean published(int year) {
        return year >= 2022 && year <= 2026;
    }

    /**
     * A provisional year: the 13 statutory days whose dates are certain by rule (全国年节及纪念日放假办法, as revised
     * in 2024, in force from 2025): 元旦 1 January; 春节 New Year's Eve (the last day of the twelfth lunar month) to
     * the third day of the first lunar month (4 days); 清明节 the day of the 清明 solar term; 劳动节 1–2 May; 端午节
     * the 5th day of the fifth lunar month; 中秋节 the 15th day of the eighth lunar month; 国庆节 1–3 October. The
     * weekend days the State Council joins to them and every make-up workday (调休) are not certain before its
     * arrangement is published, so none is guessed. Lunar dates and solar terms come from the {@code cn.6tail:lunar}
     * library. When two holidays fall on one date (中秋 on 1–3 October), the date carries both names.
     */
    static List<SpecialDay> provisionalDays(int year) {
        Map<LocalDate, String> names = new java.util.TreeMap<>();
        java.util.function.BiConsumer<LocalDate, String> add = (d, n) -> {
            if (d.getYear() == year) {
                names.merge(d, n, (a, b) -> a + "、" + b);
            }
        };
        add.accept(LocalDate.of(year, 1, 1), "元旦");
        LocalDate festival = lunar(year, 1, 1);
        for (int i = -1; i <= 2; i++) {
            add.accept(festival.plusDays(i), "春节");
        }
        com.nlf.calendar.Solar qingming = com.nlf.calendar.Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明");
        add.accept(LocalDate.of(qingming.getYear(), qingming.getMonth(), qingming.getDay()), "清明节");
        add.accept(LocalDate.of(year, 5, 1), "劳动节");
        add.accept(LocalDate.of(year, 5, 2), "劳动节");
        add.accept(lunar(year, 5, 5), "端午节");
        add.accept(lunar(year, 8, 15), "中秋节");
        for (int i = 1; i <= 3; i++) {
            add.accept(LocalDate.of(year, 10, i), "国庆节");
        }
        List<SpecialDay> days = new ArrayList<>();
        names.forEach((d, n) -> days.add(new SpecialDay(d, SpecialDayKind.HOLIDAY, n)));
        return days;
    }

    /** The Gregorian date of a day of the lunar calendar (农历) in the lunar year that starts in {@code year}. */
    static LocalDate lunar(int year, int month, int day) {
        com.nlf.calendar.Solar s = com.nlf.calendar.Lunar.fromYmd(year, month, day).getSolar();
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
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

}
