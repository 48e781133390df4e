package org.workstudy.positions;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.identity.ScopeDirectory;
import org.workstudy.identity.ScopeKind;

/** Names employers for grants of the EMPLOYER role. */
@Component
class EmployerScopes implements ScopeDirectory {

    private final JdbcClient jdbc;

    EmployerScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean knows(ScopeKind kind) {
        return kind == ScopeKind.EMPLOYER;
    }

    @Override
    public String nameOf(ScopeKind kind, long id) {
        return kind != ScopeKind.EMPLOYER ? null : jdbc.sql("SELECT name FROM pos_employer WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
    }

    @Override
    public List<ScopeOption> options(ScopeKind kind) {
        return kind != ScopeKind.EMPLOYER ? List.of() : jdbc.sql("SELECT id, name FROM pos_employer WHERE active"
                + " ORDER BY name").query((rs, n) -> new ScopeOption(rs.getLong(1), rs.getString(2))).list();
    }
}
