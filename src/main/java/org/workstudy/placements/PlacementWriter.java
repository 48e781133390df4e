package org.workstudy.placements;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Writes a placement row; a student placed on a position already (an ended placement) is placed again. */
final class PlacementWriter {

    private PlacementWriter() {
    }

    static Optional<Long> insert(JdbcClient jdbc, Clock clock, long positionId, long studentId, PlacementSource source,
            Long applicationId, String by) {
        var now = clock.instant().atZone(clock.getZone()).toOffsetDateTime();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("INSERT INTO plc_placement (position_id, student_id, source, application_id, created_at,"
                        + " created_by) VALUES (?,?,?,?,?,?) ON CONFLICT (position_id, student_id) DO NOTHING")
                .params(positionId, studentId, source.name(), applicationId, now, by).update(key, "id");
        if (inserted == 1) {
            return Optional.of(key.getKey().longValue());
        }
        jdbc.sql("UPDATE plc_placement SET ended_at = NULL, ended_reason = NULL, source = ?, application_id = ?,"
                        + " created_at = ?, created_by = ? WHERE position_id = ? AND student_id = ?")
                .params(source.name(), applicationId, now, by, positionId, studentId).update();
        return jdbc.sql("SELECT id FROM plc_placement WHERE position_id = ? AND student_id = ?")
                .params(positionId, studentId).query(Long.class).optional();
    }
}
