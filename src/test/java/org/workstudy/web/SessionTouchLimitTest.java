package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/** The last-access time of a session moves at most once per interval, so unchanged sessions are not written back. */
class SessionTouchLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void theLastAccessMovesOnlyOncePerInterval() {
        MapSession stored = new MapSession();
        stored.setLastAccessedTime(T0);
        var touched = new SessionTouchLimit.Touched<>(stored, Duration.ofSeconds(60));

        touched.setLastAccessedTime(T0.plusSeconds(59));
        assertThat(stored.getLastAccessedTime()).isEqualTo(T0);

        touched.setLastAccessedTime(T0.plusSeconds(60));
        assertThat(stored.getLastAccessedTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(touched.getLastAccessedTime()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void attributesAndIdsPassThrough() {
        MapSession stored = new MapSession();
        var touched = new SessionTouchLimit.Touched<>(stored, Duration.ofSeconds(60));
        touched.setAttribute("a", "b");
        assertThat((String) stored.getAttribute("a")).isEqualTo("b");
        String before = touched.getId();
        assertThat(touched.changeSessionId()).isNotEqualTo(before).isEqualTo(stored.getId());
        touched.removeAttribute("a");
        assertThat(stored.getAttributeNames()).isEmpty();
    }

    @Test
    void onlyIndexedRepositoriesAreWrappedAndAnIntervalOfZeroWrapsNothing() {
        Object plain = new MapSessionRepository(new java.util.HashMap<>());
        assertThat(new SessionTouchLimit(Duration.ofSeconds(60)).postProcessAfterInitialization(plain, "r"))
                .isSameAs(plain);
        var indexed = new org.springframework.session.FindByIndexNameSessionRepository<MapSession>() {
            @Override
            public MapSession createSession() {
                return new MapSession();
            }

            @Override
            public void save(MapSession session) {
            }

            @Override
            public MapSession findById(String id) {
                return null;
            }

            @Override
            public void deleteById(String id) {
            }

            @Override
            public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
                return Map.of();
            }
        };
        assertThat(new SessionTouchLimit(Duration.ofSeconds(60)).postProcessAfterInitialization(indexed, "r"))
                .isInstanceOf(SessionTouchLimit.Repository.class);
        assertThat(new SessionTouchLimit(Duration.ZERO).postProcessAfterInitialization(indexed, "r"))
                .isSameAs(indexed);
    }
}
