package org.workstudy.policy;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.places.UnmatchedPlaces;

/**
 * Policy versions whose free-text home city no division matched (V58). A version is never changed: the administrator
 * creates the next version with the home city chosen; until then "out of the home city" compares names as before.
 */
@Component
class UnmatchedHomeCities implements UnmatchedPlaces {

    private final JdbcClient jdbc;

    UnmatchedHomeCities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Place> unmatched() {
        return jdbc.sql("SELECT id, name, home_city FROM pol_version WHERE home_division IS NULL ORDER BY from_cohort")
                .query((rs, n) -> new Place("places.kind.policy", rs.getLong(1), rs.getString(2), rs.getString(3),
                        "/admin/policy/" + rs.getLong(1)))
                .list();
    }
}
