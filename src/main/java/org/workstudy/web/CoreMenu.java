package org.workstudy.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;

/** Menu entries of the modules web sits on (identity, audit); other modules declare their own. */
@Configuration(proxyBeanMethods = false)
class CoreMenu {

    @Bean
    MenuItem homeMenu() {
        return new MenuItem("nav.home", "/", EnumSet.allOf(Role.class), 0);
    }

    @Bean
    MenuItem accountsMenu() {
        return new MenuItem("nav.accounts", "/admin/accounts", Set.of(Role.ADMIN), 90, MenuItem.ADMINISTRATION);
    }

    @Bean
    MenuItem auditMenu() {
        return new MenuItem("nav.audit", "/admin/audit", Set.of(Role.ADMIN), 95, MenuItem.ADMINISTRATION);
    }
}
