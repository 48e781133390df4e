package org.workstudy.placements;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.workstudy.placements.internal.SeatCount;

/**
 * The capacity counter of each position. Taking a place is one conditional UPDATE: PostgreSQL locks the row, so
 * concurrent transactions on any number of instances queue on it and never take more places than there are.
 */
@Component
class Seats {

    private final JdbcClient jdbc;
    /** Positions whose counter row is known to be committed (rows are never deleted): no INSERT per apply for them. */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    Seats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the counter when the position is first used; a concurrent creation is ignored, not an error. Once the
     * row is committed this instance remembers it (a rolled-back creation is not remembered).
     */
    void ensure(long positionId, int capacity) {
        if (known.contains(positionId)) {
            return;
        }
        jdbc.sql("INSERT INTO plc_seat (position_id, capacity, accepted) VALUES (?,?,0) ON CONFLICT DO NOTHING")
                .params(positionId, capacity).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.add(positionId);
                }
            });
        }
    }

    /** Takes {@code n} places if that many are free; false when not (and nothing changes). */
    boolean take(long positionId, int n) {
        return jdbc.sql("UPDATE plc_seat SET accepted = accepted + ? WHERE position_id = ? AND accepted + ? <= capacity")
                .params(n, positionId, n).update() == 1;
    }

    void release(long positionId) {
        jdbc.sql("UPDATE plc_seat SET accepted = accepted - 1 WHERE position_id = ? AND accepted > 0")
                .param(positionId).update();
    }

    /** A new capacity, never below the places already taken. */
    void resize(long positionId, int capacity) {
        jdbc.sql("UPDATE plc_seat SET capacity = CASE WHEN accepted > ? THEN accepted ELSE ? END WHERE position_id = ?")
                .params(capacity, capacity, positionId).update();
    }

    Map<Long, SeatCount> counts(Collection<Long> positionIds) {
        Map<Long, SeatCount> counts = new HashMap<>();
        if (positionIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT s.position_id, s.capacity, s.accepted, (SELECT count(*) FROM plc_application a"
                        + " WHERE a.position_id = s.position_id AND a.status = 'WAITLISTED')"
                        + " FROM plc_seat s WHERE s.position_id IN (:ids)")
                .param("ids", positionIds)
                .query((rs, n) -> counts.put(rs.getLong(1), new SeatCount(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4))))
                .list();
        return counts;
    }
}
