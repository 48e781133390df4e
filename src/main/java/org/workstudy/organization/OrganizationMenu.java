package org.workstudy.organization;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class OrganizationMenu {

    /** Roles that look at students: every staff role. */
    static final Set<Role> STUDENT_READERS = Role.staffRoles();

    @Bean
    MenuItem studentsMenu() {
        return new MenuItem("nav.students", "/org/students", STUDENT_READERS, 10);
    }

    @Bean
    MenuItem classesMenu() {
        return new MenuItem("nav.classes", "/org/classes", STUDENT_READERS, 20);
    }

    @Bean
    MenuItem structureMenu() {
        return new MenuItem("nav.structure", "/org/structure", EnumSet.of(Role.ADMIN), 60, MenuItem.ADMINISTRATION);
    }

    @Bean
    MenuItem staffMenu() {
        return new MenuItem("nav.staff", "/org/staff", EnumSet.of(Role.ADMIN), 70, MenuItem.ADMINISTRATION);
    }

    @Bean
    MenuItem statusChangesMenu() {
        return new MenuItem("nav.status-changes", "/org/status-changes", EnumSet.of(Role.ADMIN), 65,
                MenuItem.ADMINISTRATION);
    }

    @Bean
    MenuItem profileMenu() {
        return new MenuItem("nav.profile", "/org/me", EnumSet.of(Role.STUDENT), 10);
    }
}
