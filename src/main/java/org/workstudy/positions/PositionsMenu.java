package org.workstudy.positions;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class PositionsMenu {

    @Bean
    MenuItem positionBankMenu() {
        return new MenuItem("nav.positions", "/positions", EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR,
                Role.ADMIN, Role.COLLEGE_ADMIN, Role.VICE_DEAN, Role.LEADER, Role.EMPLOYER), 30);
    }

    @Bean
    MenuItem employersMenu() {
        return new MenuItem("nav.employers", "/employers", EnumSet.of(Role.CENTER_STAFF, Role.ADMIN), 35);
    }

    @Bean
    MenuItem plansMenu() {
        return new MenuItem("nav.plans", "/plans", EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR,
                Role.COLLEGE_ADMIN, Role.VICE_DEAN, Role.LEADER), 40);
    }
}
