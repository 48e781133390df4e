package org.workstudy.placements;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** What the student registers in advance (报备登记): the employer, where, when, how long and what work. */
public record SelfArrangedForm(String employerName, String city, String address, String contactPerson,
        String contactPhone, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, BigDecimal expectedHours, String content) {

    public static SelfArrangedForm empty() {
        return new SelfArrangedForm(null, null, null, null, null, null, null, null, null);
    }
}
