package org.workstudy.notices;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class NoticeMenu {

    /** 公示: every role but employers (a notice concerns the school's students and staff). */
    @Bean
    MenuItem noticesMenu() {
        return new MenuItem("nav.notices", "/notices", EnumSet.complementOf(EnumSet.of(Role.EMPLOYER)), 60);
    }
}
