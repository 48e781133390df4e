package org.workstudy.credits;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class GraduationMenu {

    @Bean
    MenuItem graduationAuditMenu() {
        return new MenuItem("nav.graduation", "/graduation", EnumSet.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR,
                Role.CENTER_STAFF, Role.LEADER, Role.VICE_DEAN, Role.COLLEGE_ADMIN, Role.COUNSELOR), 60, MenuItem.CREDITS);
    }

    @Bean
    MenuItem myGraduationMenu() {
        return new MenuItem("nav.my-graduation", "/my/graduation", EnumSet.of(Role.STUDENT), 17, MenuItem.CREDITS);
    }
}
