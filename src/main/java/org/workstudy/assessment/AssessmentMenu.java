package org.workstudy.assessment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.assessment.internal.Assessments;
import org.workstudy.web.MenuItem;

@Configuration(proxyBeanMethods = false)
class AssessmentMenu {

    @Bean
    MenuItem assessmentMenuItem() {
        return new MenuItem("nav.assessment", "/assessment", Assessments.READERS, 56);
    }
}
