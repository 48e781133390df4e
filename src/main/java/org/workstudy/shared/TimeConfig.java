package org.workstudy.shared;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * All "now" comes from this clock, in the school's time zone. It is a {@link SchoolClock}: the system time, which
 * only the demo loader can set back, on its own thread, while it writes the demo school's history.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    SchoolClock clock(@Value("${workstudy.zone:Asia/Shanghai}") String zone) {
        return new SchoolClock(ZoneId.of(zone));
    }

    /** Applied by Spring Boot to the task executor that runs the modules' asynchronous event listeners. */
    @Bean
    TaskDecorator schoolClockCarryOver(SchoolClock clock) {
        return clock::carryOver;
    }
}
