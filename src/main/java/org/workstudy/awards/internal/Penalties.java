package org.workstudy.awards.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The penalties the award lists weigh, read from the rewards and penalties {@code AwardRecords} keeps. */
@Component
class Penalties {

    private final JdbcClient jdbc;

    Penalties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The penalties of these students, revoked ones left out (no scope check: the caller's students are in scope). */
    @Transactional(readOnly = true)
    Map<Long, List<EligibilityRules.Penalty>> of(Collection<Long> studentIds) {
        Map<Long, List<EligibilityRules.Penalty>> out = new HashMap<>();
        List<Long> ids = List.copyOf(studentIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("SELECT student_id, category, decided_on, valid_until FROM awd_record WHERE kind = 'PENALTY'"
                            + " AND revoked_at IS NULL AND student_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new EligibilityRules.Penalty(rs.getString(2), rs.getObject(3, LocalDate.class),
                                    rs.getObject(4, LocalDate.class))))
                    .list();
        }
        return out;
    }
}
