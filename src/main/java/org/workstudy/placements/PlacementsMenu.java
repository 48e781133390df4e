package org.workstudy.placements;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class PlacementsMenu {

    @Bean
    MenuItem jobsMenu() {
        return new MenuItem("nav.jobs", "/jobs", EnumSet.of(Role.STUDENT), 20);
    }

    @Bean
    MenuItem myApplicationsMenu() {
        return new MenuItem("nav.my-applications", "/my/applications", EnumSet.of(Role.STUDENT), 30);
    }

    @Bean
    MenuItem applicantsMenu() {
        return new MenuItem("nav.placements", "/placements", EnumSet.of(Role.CENTER_STAFF, Role.ADMIN,
                Role.COLLEGE_ADMIN, Role.VICE_DEAN, Role.EMPLOYER, Role.COUNSELOR), 32);
    }
}
