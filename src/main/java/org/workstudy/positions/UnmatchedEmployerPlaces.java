package org.workstudy.positions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.places.UnmatchedPlaces;

/** Employers and positions whose free-text city no division matched (V58): the administrator chooses their place. */
@Component
class UnmatchedEmployerPlaces implements UnmatchedPlaces {

    private final JdbcClient jdbc;

    UnmatchedEmployerPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Place> unmatched() {
        List<Place> out = new ArrayList<>(jdbc.sql("SELECT id, name, city FROM pos_employer WHERE division_code IS NULL"
                        + " ORDER BY id")
                .query((rs, n) -> new Place("places.kind.employer", rs.getLong(1), rs.getString(2), rs.getString(3),
                        "/employers/" + rs.getLong(1)))
                .list());
        out.addAll(jdbc.sql("SELECT id, title, city FROM pos_position WHERE division_code IS NULL ORDER BY id")
                .query((rs, n) -> new Place("places.kind.position", rs.getLong(1), rs.getString(2), rs.getString(3),
                        "/positions/" + rs.getLong(1)))
                .list());
        return out;
    }
}
