package org.workstudy.audit;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.internal.AuditEntry;
import org.workstudy.audit.internal.AuditQuery;
import org.workstudy.shared.PageResult;

/**
 * Records who changed what. Call it inside the transaction of the write, so that the write and its trail commit or
 * roll back together. Personal data (phone, ID-card number, passwords) is recorded as changed, never by value.
 */
@Service
public class AuditTrail {

    private static final Set<String> PERSONAL = Set.of("phone", "idCardNo", "password", "passwordHash");
    private static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Records a new record (or any action) with its values; {@code values} may be a record or a map. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Object entityId, String action, Object values) {
        Map<String, Object> fields = fieldsOf(values);
        fields.replaceAll((k, v) -> PERSONAL.contains(k) && v != null ? "***" : v);
        insert(entityType, entityId, action, Json.object(fields));
    }

    /** Records many new records at once (an import): entity id → values, in one batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(String entityType, String action, Map<?, ?> valuesById) {
        var at = clock.instant().atZone(clock.getZone()).toOffsetDateTime();
        String actor = actor();
        List<Object[]> rows = new ArrayList<>(valuesById.size());
        valuesById.forEach((id, values) -> {
            Map<String, Object> fields = fieldsOf(values);
            fields.replaceAll((k, v) -> PERSONAL.contains(k) && v != null ? "***" : v);
            rows.add(new Object[] {at, actor, action, entityType, String.valueOf(id), truncate(Json.object(fields))});
        });
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("INSERT INTO audit_entry (at, actor, action, entity_type, entity_id, changes)"
                    + " VALUES (?,?,?,?,?,?)", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /** Records a change: only the fields that differ, as [before, after]. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(String entityType, Object entityId, String action, Object before, Object after) {
        Map<String, Object> old = fieldsOf(before);
        Map<String, Object> now = fieldsOf(after);
        Map<String, Object> diff = new LinkedHashMap<>();
        now.forEach((field, value) -> {
            Object was = old.get(field);
            if (!Objects.equals(was, value)) {
                diff.put(field, PERSONAL.contains(field) ? List.of("***", "***") : java.util.Arrays.asList(was, value));
            }
        });
        insert(entityType, entityId, action, Json.object(diff));
    }

    public PageResult<AuditEntry> search(AuditQuery query, int page, int size) {
        size = PageResult.clampSize(size);
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (hasText(query.actor())) {
            where.append(" AND actor = ?");
            params.add(query.actor().trim());
        }
        if (hasText(query.entityType())) {
            where.append(" AND entity_type = ?");
            params.add(query.entityType().trim());
        }
        if (hasText(query.entityId())) {
            where.append(" AND entity_id = ?");
            params.add(query.entityId().trim());
        }
        if (hasText(query.action())) {
            where.append(" AND action = ?");
            params.add(query.action().trim());
        }
        ZoneId zone = clock.getZone();
        if (query.from() != null) {
            where.append(" AND at >= ?");
            params.add(query.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (query.to() != null) {
            where.append(" AND at < ?");
            params.add(query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + where).params(params).query(Long.class).single();
        PageResult<AuditEntry> shape = new PageResult<>(List.of(), page, size, total);
        List<AuditEntry> items = jdbc.sql("SELECT id, at, actor, action, entity_type, entity_id, changes FROM audit_entry"
                        + where + " ORDER BY id DESC LIMIT " + size + " OFFSET " + shape.offset())
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** The entity types that occur in the trail, for the search form. */
    public List<String> entityTypes() {
        return jdbc.sql("SELECT DISTINCT entity_type FROM audit_entry ORDER BY entity_type").query(String.class).list();
    }

    private void insert(String entityType, Object entityId, String action, String changes) {
        jdbc.sql("INSERT INTO audit_entry (at, actor, action, entity_type, entity_id, changes) VALUES (?,?,?,?,?,?)")
                .params(clock.instant().atZone(clock.getZone()).toOffsetDateTime(), actor(), action, entityType,
                        String.valueOf(entityId), truncate(changes))
                .update();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }

    private static Map<String, Object> fieldsOf(Object values) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (values == null) {
            return fields;
        }
        if (values instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        } else if (values.getClass().isRecord()) {
            for (RecordComponent c : values.getClass().getRecordComponents()) {
                try {
                    fields.put(c.getName(), c.getAccessor().invoke(values));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            fields.put("value", values);
        }
        return fields;
    }

    private static String truncate(String text) {
        return text.length() <= 8000 ? text : text.substring(0, 7990) + "…\"}";
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
