package org.workstudy.places.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

/** 未对应区划的地点: for administrators. */
@Configuration(proxyBeanMethods = false)
class PlacesMenu {

    @Bean
    MenuItem unmatchedPlacesMenuItem() {
        return new MenuItem("places.unmatched.nav", "/admin/places/unmatched", Set.of(Role.ADMIN), 85,
                MenuItem.ADMINISTRATION);
    }
}
