package org.workstudy.organization;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.identity.ScopeDirectory;
import org.workstudy.identity.ScopeKind;

/** Names colleges, classes and students for the grants pages of identity. */
@Component
class OrganizationScopes implements ScopeDirectory {

    private final JdbcClient jdbc;

    OrganizationScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean knows(ScopeKind kind) {
        return kind == ScopeKind.COLLEGE || kind == ScopeKind.CLASS || kind == ScopeKind.SELF;
    }

    @Override
    public String nameOf(ScopeKind kind, long id) {
        String sql = switch (kind) {
            case COLLEGE -> "SELECT name FROM org_college WHERE id = ?";
            case CLASS -> "SELECT name FROM org_class WHERE id = ?";
            case SELF -> "SELECT student_no || ' ' || name FROM org_student WHERE id = ?";
            default -> null;
        };
        return sql == null ? null : jdbc.sql(sql).param(id).query(String.class).optional().orElse(null);
    }

    @Override
    public List<ScopeOption> options(ScopeKind kind) {
        String sql = switch (kind) {
            case COLLEGE -> "SELECT id, name FROM org_college WHERE active ORDER BY code";
            case CLASS -> "SELECT id, name FROM org_class WHERE active ORDER BY cohort DESC, name";
            default -> null;
        };
        return sql == null ? List.of() : jdbc.sql(sql).query((rs, n) -> new ScopeOption(rs.getLong(1),
                rs.getString(2))).list();
    }
}
