package org.workstudy.delivery.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

/** 消息推送: the school's delivery settings and failures, in the administrators' drop-down. */
@Configuration(proxyBeanMethods = false)
class DeliveryMenu {

    @Bean
    MenuItem deliveryAdminMenuItem() {
        return new MenuItem("delivery.admin.nav", "/admin/delivery", Set.of(Role.ADMIN), 88, MenuItem.ADMINISTRATION);
    }
}
