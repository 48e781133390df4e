package org.workstudy.recognition;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class RecognitionMenu {

    @Bean
    MenuItem recognitionsMenu() {
        return new MenuItem("recognition.nav", "/recognitions", Recognitions.READERS, 60, MenuItem.CREDITS);
    }

    @Bean
    MenuItem myCertificateMenu() {
        return new MenuItem("recognition.nav.certificate", "/my/certificate", EnumSet.of(Role.STUDENT), 60,
                MenuItem.CREDITS);
    }
}
