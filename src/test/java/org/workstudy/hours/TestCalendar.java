package org.workstudy.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.SpecialDay;
import org.workstudy.calendar.SpecialDayKind;
import org.workstudy.calendar.Term;
import org.workstudy.shared.TermCode;

/**
 * A small calendar for the rule tests: seven terms from 2024-2025-1. A student who enrolled in 2024-2025-1 has
 * semester 5 = 2026-2027-1 (with its winter vacation up to 2027-02-21) and semester 6 from 2027-02-22. National Day
 * 2024 is a week of public holidays in term, with the make-up workdays Sunday 2024-09-29 and Saturday 2024-10-12.
 */
final class TestCalendar {

    static final TermCode ENROLMENT = TermCode.parse("2024-2025-1");

    private TestCalendar() {
    }

    static CalendarSnapshot snapshot() {
        List<Term> terms = List.of(
                term(1, "2024-2025-1", "2024-09-02", "2025-01-17"),
                term(2, "2024-2025-2", "2025-02-17", "2025-06-27"),
                term(3, "2025-2026-1", "2025-09-01", "2026-01-16"),
                term(4, "2025-2026-2", "2026-02-23", "2026-07-03"),
                term(5, "2026-2027-1", "2026-08-31", "2027-01-15"),
                term(6, "2026-2027-2", "2027-02-22", "2027-07-02"),
                term(7, "2027-2028-1", "2027-08-30", "2028-01-14"));
        List<SpecialDay> days = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            days.add(new SpecialDay(LocalDate.of(2024, 10, i), SpecialDayKind.HOLIDAY, "国庆节"));
        }
        days.add(new SpecialDay(LocalDate.of(2024, 9, 29), SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休"));
        days.add(new SpecialDay(LocalDate.of(2024, 10, 12), SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休"));
        return new CalendarSnapshot(terms, days);
    }

    private static Term term(long id, String code, String from, String to) {
        return new Term(id, TermCode.parse(code), LocalDate.parse(from), LocalDate.parse(to));
    }
}
