package org.workstudy.statistics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class StatisticsMenu {

    @Bean
    MenuItem statisticsMenuItem() {
        return new MenuItem("nav.stats", "/stats", StatisticsScopes.READERS, 55);
    }
}
