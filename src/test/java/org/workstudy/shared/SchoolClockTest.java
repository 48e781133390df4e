package org.workstudy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The school clock moves only for the demo loader, only on its thread, and only while its handle is open. */
class SchoolClockTest {

    private static final Instant SYSTEM = Instant.parse("2026-12-04T02:00:00Z");
    private static final Instant PAST = Instant.parse("2023-03-11T08:00:00Z");

    private final SchoolClock clock = new SchoolClock(Clock.fixed(SYSTEM, ZoneId.of("Asia/Shanghai")));

    @Test
    void movedTimeHoldsOnTheMovingThreadOnlyAndEndsWithTheWork() throws Exception {
        SchoolClock.Travel travel = clock.travel();
        AtomicReference<Instant> elsewhere = new AtomicReference<>();
        Instant inside = travel.at(PAST, () -> {
            // a request served on another thread meanwhile keeps the system time
            elsewhere.set(CompletableFuture.supplyAsync(clock::instant).join());
            return clock.instant();
        });
        assertThat(inside).isEqualTo(PAST);
        assertThat(elsewhere.get()).isEqualTo(SYSTEM);
        assertThat(clock.instant()).isEqualTo(SYSTEM);
    }

    @Test
    void theHandleIsGivenOutOnceAndIsDeadOnceClosed() {
        SchoolClock.Travel travel = clock.travel();
        assertThatThrownBy(clock::travel).isInstanceOf(IllegalStateException.class);
        travel.close();
        assertThatThrownBy(() -> travel.at(PAST, () -> clock.instant())).isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isEqualTo(SYSTEM);
    }

    @Test
    void asynchronousWorkStartedWhileMovedRunsAtTheMovedTimeAndOtherWorkDoesNot() {
        SchoolClock.Travel travel = clock.travel();
        AtomicReference<Instant> seen = new AtomicReference<>();
        Runnable task = travel.at(PAST, () -> clock.carryOver(() -> seen.set(clock.instant())));
        CompletableFuture.runAsync(task).join();
        assertThat(seen.get()).isEqualTo(PAST);
        Runnable plain = () -> seen.set(clock.instant());
        assertThat(clock.carryOver(plain)).isSameAs(plain);
    }

    @Test
    void codesAreSecureRandomExceptOnTheSeededDemoThreadWhereTheSameKeyGivesTheSameNumbers() throws Exception {
        assertThat(clock.codeRandom("certificate:7")).isInstanceOf(java.security.SecureRandom.class);
        SchoolClock.Travel travel = clock.travel();
        // travelling without a seed: still SecureRandom
        assertThat(travel.at(PAST, () -> clock.codeRandom("certificate:7")))
                .isInstanceOf(java.security.SecureRandom.class);
        travel.seed(42);
        long first = travel.at(PAST, () -> clock.codeRandom("certificate:7").nextLong());
        long again = travel.at(PAST, () -> clock.codeRandom("certificate:7").nextLong());
        long other = travel.at(PAST, () -> clock.codeRandom("certificate:8").nextLong());
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // the seed reaches neither the thread outside the moved work nor any other thread, nor anything after close
        assertThat(clock.codeRandom("certificate:7")).isInstanceOf(java.security.SecureRandom.class);
        assertThat(travel.at(PAST, () -> CompletableFuture.supplyAsync(() -> clock.codeRandom("certificate:7"))
                .join())).isInstanceOf(java.security.SecureRandom.class);
        travel.close();
        assertThat(clock.codeRandom("certificate:7")).isInstanceOf(java.security.SecureRandom.class);
        assertThatThrownBy(() -> travel.seed(43)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTheDemoLoaderTakesTheTravelHandle() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> callers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains(".travel()"))
                    .map(f -> main.relativize(f).toString().replace('\\', '/')).toList();
            assertThat(callers).containsExactly("org/workstudy/demo/DemoSchool.java");
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
