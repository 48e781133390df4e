package org.workstudy.hours;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class HoursMenu {

    @Bean
    MenuItem myHoursMenu() {
        return new MenuItem("nav.my-hours", "/my/hours", EnumSet.of(Role.STUDENT), 15);
    }

    @Bean
    MenuItem classHoursMenu() {
        return new MenuItem("nav.hours-classes", "/hours/classes", EnumSet.of(Role.COUNSELOR), 34);
    }

    @Bean
    MenuItem placedHoursMenu() {
        return new MenuItem("nav.hours-placed", "/hours/placed", EnumSet.of(Role.EMPLOYER), 34);
    }

    @Bean
    MenuItem pendingHoursMenu() {
        return new MenuItem("nav.hours-pending", "/hours/pending", EnumSet.of(Role.COUNSELOR, Role.EMPLOYER), 35);
    }
}
