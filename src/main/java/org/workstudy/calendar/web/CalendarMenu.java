package org.workstudy.calendar.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

/** 校历: administrators edit it, the other staff roles read it. */
@Configuration(proxyBeanMethods = false)
class CalendarMenu {

    @Bean
    MenuItem calendarAdminMenuItem() {
        return new MenuItem("calendar.nav", "/admin/calendar", Set.of(Role.ADMIN), 80, MenuItem.ADMINISTRATION);
    }

    @Bean
    MenuItem calendarStaffMenuItem() {
        Set<Role> staff = EnumSet.copyOf(Role.staffRoles());
        staff.remove(Role.ADMIN);
        return new MenuItem("calendar.nav", "/calendar", staff, 80);
    }
}
