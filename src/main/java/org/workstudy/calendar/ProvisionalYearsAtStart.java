package org.workstudy.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives the provisional years of an existing calendar the holidays certain by rule that they lack
 * (清明, 端午 and 中秋 were missing before issue 12). Adds only free dates, so it is idempotent and safe on every
 * instance.
 */
@Component
class ProvisionalYearsAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionalYearsAtStart.class);

    private final AcademicCalendar calendar;

    ProvisionalYearsAtStart(AcademicCalendar calendar) {
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void complete() {
        int added = calendar.completeProvisionalYears();
        if (added > 0) {
            LOG.info("Calendar: added {} holidays certain by rule to the provisional years", added);
        }
    }
}
