package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The counting rules' numbers (DESIGN section 2, RULES-NATIONAL), as settings with their defaults:
 * {@code workstudy.policy.semester-window=5}, {@code workstudy.evening-from=18:00},
 * {@code workstudy.caps.day-hours=10}, {@code workstudy.caps.term-week-hours=8},
 * {@code workstudy.caps.term-month-hours=40}, {@code workstudy.policy.hours-per-day=6},
 * {@code workstudy.policy.required-hours=360}, {@code workstudy.hours.counselor-confirms-employer=true}.
 */
public record CountingSettings(int semesterWindow, LocalTime eveningFrom, BigDecimal dayHours,
        BigDecimal termWeekHours, BigDecimal termMonthHours, BigDecimal hoursPerDay, BigDecimal requiredHours,
        boolean counselorConfirmsEmployer) {

    public static CountingSettings defaults() {
        return new CountingSettings(5, LocalTime.of(18, 0), new BigDecimal("10"), new BigDecimal("8"),
                new BigDecimal("40"), new BigDecimal("6"), new BigDecimal("360"), true);
    }

    @Component
    static class Loader {

        final CountingSettings settings;

        Loader(@Value("${workstudy.policy.semester-window:5}") int window,
                @Value("${workstudy.evening-from:18:00}") String eveningFrom,
                @Value("${workstudy.caps.day-hours:10}") BigDecimal day,
                @Value("${workstudy.caps.term-week-hours:8}") BigDecimal week,
                @Value("${workstudy.caps.term-month-hours:40}") BigDecimal month,
                @Value("${workstudy.policy.hours-per-day:6}") BigDecimal perDay,
                @Value("${workstudy.policy.required-hours:360}") BigDecimal required,
                @Value("${workstudy.hours.counselor-confirms-employer:true}") boolean counselorConfirmsEmployer) {
            this.settings = new CountingSettings(window, LocalTime.parse(eveningFrom), day, week, month, perDay,
                    required, counselorConfirmsEmployer);
        }
    }
}
