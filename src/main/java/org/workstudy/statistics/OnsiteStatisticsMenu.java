package org.workstudy.statistics;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class OnsiteStatisticsMenu {

    @Bean
    MenuItem onsiteStatisticsMenuItem() {
        return new MenuItem("nav.stats.onsite", "/stats/onsite", EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR,
                Role.ADMIN, Role.LEADER), 39, MenuItem.ONSITE);
    }
}
