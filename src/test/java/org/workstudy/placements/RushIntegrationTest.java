package org.workstudy.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.WorkStudyApplication;
import org.workstudy.organization.Student;
import org.workstudy.positions.SelectionMode;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.PostgresInitializer;

/** The 8 a.m. rush: many students click at once, exactly the capacity get in, fairly, and nobody twice. */
@IntegrationTest
class RushIntegrationTest {

    @Autowired
    Applications applications;
    @Autowired
    PlacementFixtures fixtures;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;

    @Test
    void threeHundredConcurrentApplicationsFillTenPlacesExactly() throws Exception {
        long classId = school.schoolClass(school.college());
        List<Student> students = fixtures.students(classId, 300);
        long position = fixtures.published(10, SelectionMode.FIRST_COME, Set.of());

        List<ApplyOutcome> outcomes = rush(students, position, 1);

        assertThat(outcomes).hasSize(300);
        assertThat(outcomes).filteredOn(o -> o.status() == ApplicationStatus.ACCEPTED).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o.status() == ApplicationStatus.WAITLISTED).hasSize(290);
        // The wait-list is a queue: 290 distinct places in it.
        assertThat(count("SELECT count(DISTINCT wait_seq) FROM plc_application WHERE position_id = ?"
                + " AND status = 'WAITLISTED'", position)).isEqualTo(290);
        assertThat(count("SELECT count(*) FROM plc_placement WHERE position_id = ? AND ended_at IS NULL", position))
                .isEqualTo(10);
        assertThat(count("SELECT accepted FROM plc_seat WHERE position_id = ?", position)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM plc_application WHERE position_id = ?", position)).isEqualTo(300);
    }

    @Test
    void doubleClicksAndRetriesMakeOneApplication() throws Exception {
        long classId = school.schoolClass(school.college());
        List<Student> students = fixtures.students(classId, 40);
        long position = fixtures.published(5, SelectionMode.FIRST_COME, Set.of());

        List<ApplyOutcome> outcomes = rush(students, position, 3);

        assertThat(count("SELECT count(*) FROM plc_application WHERE position_id = ?", position)).isEqualTo(40);
        assertThat(count("SELECT count(DISTINCT student_id) FROM plc_application WHERE position_id = ?", position))
                .isEqualTo(40);
        assertThat(count("SELECT count(*) FROM plc_placement WHERE position_id = ?", position)).isEqualTo(5);
        assertThat(outcomes).filteredOn(ApplyOutcome::repeated).hasSize(80);
        // Every repeat answers with the student's one application.
        assertThat(outcomes.stream().map(ApplyOutcome::applicationId).distinct()).hasSize(40);
    }

    /**
     * Two instances on one database: a second application context (its own pool, caches and server, no demo) on the
     * same database, half of the 300 students applying through each at the same instant. Exactly the places are
     * taken, once each, and the wait-list is one queue across both.
     */
    @Test
    void twoInstancesOnOneDatabaseFillTenPlacesExactly() throws Exception {
        long classId = school.schoolClass(school.college());
        List<Student> students = fixtures.students(classId, 300);
        long position = fixtures.published(10, SelectionMode.FIRST_COME, Set.of());
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(WorkStudyApplication.class)
                .profiles("test").initializers(new PostgresInitializer())
                .properties("workstudy.demo.enabled=false", "server.port=0", "spring.main.banner-mode=off")
                .run()) {
            Applications second = other.getBean(Applications.class);
            List<ApplyOutcome> outcomes = rush(students, position, 1,
                    s -> (students.indexOf(s) % 2 == 0 ? applications : second));

            assertThat(outcomes).filteredOn(o -> o.status() == ApplicationStatus.ACCEPTED).hasSize(10);
            assertThat(outcomes).filteredOn(o -> o.status() == ApplicationStatus.WAITLISTED).hasSize(290);
            assertThat(count("SELECT count(DISTINCT wait_seq) FROM plc_application WHERE position_id = ?"
                    + " AND status = 'WAITLISTED'", position)).isEqualTo(290);
            assertThat(count("SELECT count(*) FROM plc_placement WHERE position_id = ? AND ended_at IS NULL",
                    position)).isEqualTo(10);
            assertThat(count("SELECT accepted FROM plc_seat WHERE position_id = ?", position)).isEqualTo(10);
            assertThat(count("SELECT count(DISTINCT student_id) FROM plc_application WHERE position_id = ?",
                    position)).isEqualTo(300);
            assertThat(count("SELECT count(*) FROM plc_application_event e JOIN plc_application a"
                    + " ON a.id = e.application_id WHERE a.position_id = ?", position)).isEqualTo(300);
        }
    }

    /** Every student applies {@code clicks} times, all released at the same instant. */
    private List<ApplyOutcome> rush(List<Student> students, long position, int clicks) throws Exception {
        return rush(students, position, clicks, s -> applications);
    }

    private List<ApplyOutcome> rush(List<Student> students, long position, int clicks,
            java.util.function.Function<Student, Applications> instance) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApplyOutcome>> futures = new ArrayList<>();
        for (Student s : students) {
            for (int c = 0; c < clicks; c++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return instance.apply(s).apply(PlacementFixtures.signedIn(s), position);
                }));
            }
        }
        start.countDown();
        List<ApplyOutcome> outcomes = new ArrayList<>();
        for (Future<ApplyOutcome> f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        return outcomes;
    }

    private long count(String sql, long position) {
        return jdbc.sql(sql).param(position).query(Long.class).single();
    }

}
