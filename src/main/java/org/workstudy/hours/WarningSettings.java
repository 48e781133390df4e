package org.workstudy.hours;

import java.math.BigDecimal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workstudy.hours.internal.Projection;

/** The assumptions of the early-warning projection ({@link Projection}), settings {@code workstudy.warning.*}. */
@Component
class WarningSettings {

    private final Projection.Assumptions assumptions;

    WarningSettings(@Value("${workstudy.warning.weekend-share:0.5}") BigDecimal weekendShare,
            @Value("${workstudy.warning.vacation-share:0.5}") BigDecimal vacationShare,
            @Value("${workstudy.warning.assumed-hours-per-day:4}") BigDecimal assumedHoursPerDay,
            @Value("${workstudy.warning.min-days-for-pace:3}") int minDaysForPace) {
        this.assumptions = new Projection.Assumptions(weekendShare, vacationShare, assumedHoursPerDay, minDaysForPace);
    }

    Projection.Assumptions assumptions() {
        return assumptions;
    }
}
