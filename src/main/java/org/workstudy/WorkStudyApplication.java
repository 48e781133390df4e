package org.workstudy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkStudyApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkStudyApplication.class, args);
    }
}
