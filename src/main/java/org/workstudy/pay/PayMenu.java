package org.workstudy.pay;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class PayMenu {

    @Bean
    MenuItem paySheetsMenu() {
        return new MenuItem("nav.pay", "/pay", EnumSet.of(Role.EMPLOYER, Role.CENTER_STAFF, Role.CENTER_DIRECTOR), 37,
                MenuItem.ONSITE);
    }

    @Bean
    MenuItem myPayMenu() {
        return new MenuItem("nav.my-pay", "/pay/my", EnumSet.of(Role.STUDENT), 17);
    }
}
