package org.workstudy.shared;

import java.time.Clock;
import java.time.Instant;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The application's clock: the system time in the school's zone. It can be set back for one purpose only, loading
 * the demo school's history through the modules' own services (every record then carries the date it would have had).
 *
 * <p>Why this cannot move time for a request: the moved time lives in a thread-local of the thread that asked for
 * it, so a request served on any other thread keeps the system time; and the only way to move it is the one
 * {@link Travel} handle, given out once per application ({@link #travel()} refuses a second time) and dead once
 * closed. The demo loader takes it at startup and closes it when the history is written; a test checks that no
 * other main code calls {@link #travel()}.
 */
public final class SchoolClock extends Clock {

    private final Clock system;
    private final ThreadLocal<Instant> moved = new ThreadLocal<>();
    private final AtomicBoolean handedOut = new AtomicBoolean();
    private static final SecureRandom SECURE = new SecureRandom();
    /** The demo history's seed, set through the travel handle only ({@link Travel#seed}); null otherwise. */
    private volatile Long seed;

    public SchoolClock(ZoneId zone) {
        this(Clock.system(zone));
    }

    SchoolClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = moved.get();
        return at != null ? at : system.instant();
    }

    /**
     * Carries a moved time over to asynchronous work started on this thread (the modules' event listeners), so that
     * what an event causes is dated when the event happened; work started from any other thread runs unchanged.
     */
    public Runnable carryOver(Runnable task) {
        Instant at = moved.get();
        if (at == null) {
            return task;
        }
        return () -> {
            moved.set(at);
            try {
                task.run();
            } finally {
                moved.remove();
            }
        };
    }

    /**
     * The random source for codes that must not be guessed (certificate verification codes): {@link SecureRandom},
     * always, except on a thread the travel handle has moved while the demo loader has given it a seed: then a
     * generator seeded by that seed and {@code key}, so that the demo school's codes are the same on every fresh
     * start and the README can name one. Nothing else can reach the seeded branch (see the class comment).
     */
    public Random codeRandom(String key) {
        Long s = seed;
        if (s == null || moved.get() == null) {
            return SECURE;
        }
        return new Random(s * 1_000_003L + key.hashCode());
    }

    /** The one handle that moves this clock (for the demo loader); refused when it was given out before. */
    public Travel travel() {
        if (!handedOut.compareAndSet(false, true)) {
            throw new IllegalStateException("The school clock's travel handle was already given out");
        }
        return new Travel();
    }

    /** Runs work on the calling thread as if it were {@code at}; other threads keep the system time. */
    public final class Travel implements AutoCloseable {

        private volatile boolean open = true;

        private Travel() {
        }

        public <T> T at(Instant at, Supplier<T> work) {
            if (!open) {
                throw new IllegalStateException("The school clock's travel handle is closed");
            }
            Instant before = moved.get();
            moved.set(at);
            try {
                return work.get();
            } finally {
                if (before == null) {
                    moved.remove();
                } else {
                    moved.set(before);
                }
            }
        }

        public void at(Instant at, Runnable work) {
            at(at, () -> {
                work.run();
                return null;
            });
        }

        /** Codes made while travelling come from this seed (see {@link SchoolClock#codeRandom}). */
        public void seed(long value) {
            if (!open) {
                throw new IllegalStateException("The school clock's travel handle is closed");
            }
            seed = value;
        }

        /** Ends travel for good: the clock is the system clock from now on, and codes are SecureRandom's. */
        @Override
        public void close() {
            open = false;
            seed = null;
        }
    }
}
