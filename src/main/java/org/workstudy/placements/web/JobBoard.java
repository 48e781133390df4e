package org.workstudy.placements.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workstudy.placements.Applications;
import org.workstudy.placements.internal.SeatCount;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionView;

/**
 * What students browse during a rush, kept for {@code workstudy.jobs.cache-seconds} (3): the published positions of a
 * search with their places, and each position with its places (job page and places badge). Every student refreshing
 * {@code /jobs} at 8 a.m. shares one search a few seconds; the places shown may be that many seconds old (the pages
 * say so), while applying always decides on the live counter. A search that is being loaded is loaded once; other
 * requests for it wait for that load. At most {@value #MAX_ENTRIES} entries are kept per kind.
 */
@Component
class JobBoard {

    static final int MAX_ENTRIES = 500;

    record Search(String text, Long collegeId, org.workstudy.positions.TimeKind timeKind, Boolean onCampus,
            String city, boolean openNow) {
    }

    record Listing(List<PositionView> positions, Map<Long, SeatCount> seats, Instant at) {
    }

    record Position(Optional<PositionView> position, SeatCount seat, Instant at) {
    }

    private final PositionBank positions;
    private final Applications applications;
    private final Clock clock;
    private final Duration fresh;
    private final Map<Search, Listing> listings = new ConcurrentHashMap<>();
    private final Map<Long, Position> byId = new ConcurrentHashMap<>();

    JobBoard(PositionBank positions, Applications applications, Clock clock,
            @Value("${workstudy.jobs.cache-seconds:3}") int cacheSeconds) {
        this.positions = positions;
        this.applications = applications;
        this.clock = clock;
        this.fresh = Duration.ofSeconds(cacheSeconds);
    }

    /** Seconds the places shown may lag behind (0: never cached). */
    long staleSeconds() {
        return fresh.toSeconds();
    }

    /** The published positions of a search (at most 200, as the page always showed) with their places. */
    Listing search(Search s) {
        if (fresh.isZero()) {
            return load(s);
        }
        trim(listings);
        return listings.compute(s, (k, old) -> old != null && young(old.at()) ? old : load(k));
    }

    /** A position (any status: callers check who may see it) with its places, or empty when there is none. */
    Position position(long id) {
        if (fresh.isZero()) {
            return loadPosition(id);
        }
        trim(byId);
        return byId.compute(id, (k, old) -> old != null && young(old.at()) ? old : loadPosition(k));
    }

    /** Drops the cached places of a position on this instance (after the user's own apply or withdrawal). */
    void forget(long id) {
        byId.remove(id);
    }

    private Listing load(Search s) {
        Instant at = clock.instant();
        List<PositionView> found = positions.searchPublished(new PositionQuery(s.text(), null, s.collegeId(), null,
                null, s.timeKind(), s.onCampus(), s.city(), s.openNow() ? Boolean.TRUE : null), 0, 200).items();
        return new Listing(found, Map.copyOf(applications.seats(found)), at);
    }

    private Position loadPosition(long id) {
        Instant at = clock.instant();
        Optional<PositionView> p = positions.find(id);
        return new Position(p, p.map(applications::seats).orElse(null), at);
    }

    private boolean young(Instant at) {
        return Duration.between(at, clock.instant()).compareTo(fresh) < 0;
    }

    private static void trim(Map<?, ?> map) {
        if (map.size() > MAX_ENTRIES) {
            map.clear();
        }
    }
}
