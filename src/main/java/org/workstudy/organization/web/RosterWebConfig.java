package org.workstudy.organization.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

/** The roster import entry of the navigation (ADMIN). */
@Configuration(proxyBeanMethods = false)
class RosterWebConfig {

    @Bean
    MenuItem rosterImportMenu() {
        return new MenuItem("nav.roster-import", "/org/students/import", Set.of(Role.ADMIN), 80);
    }
}
