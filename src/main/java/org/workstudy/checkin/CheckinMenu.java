package org.workstudy.checkin;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class CheckinMenu {

    @Bean
    MenuItem studentCheckinMenu() {
        return new MenuItem("nav.checkin", "/checkin", EnumSet.of(Role.STUDENT), 16);
    }

    @Bean
    MenuItem shiftsMenu() {
        return new MenuItem("nav.checkin-shifts", "/checkin/shifts", EnumSet.of(Role.EMPLOYER, Role.CENTER_STAFF), 33,
                MenuItem.ONSITE);
    }

    @Bean
    MenuItem checkinSignalsMenu() {
        return new MenuItem("nav.checkin-signals", "/checkin/signals", EnumSet.of(Role.COUNSELOR), 36,
                MenuItem.ONSITE);
    }
}
