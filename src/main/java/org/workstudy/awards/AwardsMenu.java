package org.workstudy.awards;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.awards.internal.AwardLists;
import org.workstudy.identity.Role;
import org.workstudy.web.MenuItem;

/** 评先评优 for the center, leaders, vice deans and counselors; 奖惩记录 for them and the students (their own). */
@Configuration(proxyBeanMethods = false)
class AwardsMenu {

    @Bean
    MenuItem awardsMenuItem() {
        return new MenuItem("awards.nav", "/awards", AwardLists.READERS, 56);
    }

    @Bean
    MenuItem awardRecordsMenuItem() {
        Set<Role> students = EnumSet.of(Role.STUDENT);
        return new MenuItem("awards.nav.mine", "/awards/records", students, 57);
    }
}
