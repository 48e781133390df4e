package org.workstudy.placements;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.places.UnmatchedPlaces;

/**
 * Self-arranged work whose free-text city no division matched (V58). Its out-of-city decision was taken when it was
 * registered and stays; a returned registration is re-submitted with a place chosen from the list.
 */
@Component
class UnmatchedSelfArrangedPlaces implements UnmatchedPlaces {

    private final JdbcClient jdbc;

    UnmatchedSelfArrangedPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Place> unmatched() {
        return jdbc.sql("SELECT id, employer_name, city FROM plc_self_work WHERE division_code IS NULL ORDER BY id")
                .query((rs, n) -> new Place("places.kind.self-arranged", rs.getLong(1), rs.getString(2),
                        rs.getString(3), "/self-arranged/" + rs.getLong(1)))
                .list();
    }
}
