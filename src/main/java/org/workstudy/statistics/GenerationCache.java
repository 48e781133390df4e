package org.workstudy.statistics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers computed from the summary, kept until its generation moves ({@link StatisticsRefresh} counts it up on every
 * change): one small query a call instead of the computation, on any number of instances. The least recently used
 * answer goes first once {@code capacity} are kept.
 */
final class GenerationCache<K, V> {

    private final JdbcClient jdbc;
    private final Map<K, Entry<V>> entries;

    GenerationCache(JdbcClient jdbc, int capacity) {
        this.jdbc = jdbc;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The answer kept for the key if the summary has not changed since, else a new one from {@code compute}. */
    V get(K key, Supplier<V> compute) {
        long generation = jdbc.sql("SELECT generation FROM sts_generation WHERE id = 1").query(Long.class).single();
        Entry<V> hit = entries.get(key);
        if (hit != null && hit.generation() == generation) {
            return hit.value();
        }
        V value = compute.get();
        entries.put(key, new Entry<>(generation, value));
        return value;
    }

    private record Entry<V>(long generation, V value) {
    }
}
