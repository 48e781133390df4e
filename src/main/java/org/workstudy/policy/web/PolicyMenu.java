package org.workstudy.policy.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.policy.Policies;
import org.workstudy.web.MenuItem;

/** 勤工助学政策: administrators add versions (administration group), the school-wide offices read them. */
@Configuration(proxyBeanMethods = false)
class PolicyMenu {

    @Bean
    MenuItem policyAdminMenuItem() {
        return new MenuItem("policy.nav", "/admin/policy", Set.of(Role.ADMIN), 85, MenuItem.ADMINISTRATION);
    }

    @Bean
    MenuItem policyReaderMenuItem() {
        Set<Role> readers = EnumSet.copyOf(Policies.READERS);
        readers.remove(Role.ADMIN);
        return new MenuItem("policy.nav", "/policy", readers, 85, MenuItem.CREDITS);
    }
}
