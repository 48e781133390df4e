package org.workstudy.awards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentCondition;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * Rewards and penalties (奖惩) of students. The center (staff and director) records them, one transaction each,
 * audited; records are never edited or deleted, but whoever may record one may revoke it (撤销) with a reason: it stays,
 * marked revoked, and no longer counts. Everyone reads them in their scope: the center and leaders all, a
 * vice dean their college's, a counselor their classes', a student their own. A penalty in force on a year's
 * evaluation day makes the student ineligible ({@link org.workstudy.awards.internal.AwardLists}).
 */
@Service
public class AwardRecords {

    /** Who records rewards and penalties. */
    public static final Set<Role> WRITERS = Set.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR);
    /** Who reads them (in their scope). */
    public static final Set<Role> READERS = Set.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.LEADER,
            Role.VICE_DEAN, Role.COUNSELOR, Role.STUDENT);

    static final String AUDIT = "award-record";
    private static final int SHOWN = 500;
    private static final String SELECT = "SELECT r.id, r.student_id, r.category, r.reason, r.decided_on,"
            + " r.valid_until, r.decided_by, r.decided_by_name, r.created_at, r.revoked_at, r.revoked_by,"
            + " r.revoked_by_name, r.revoke_reason FROM awd_record r";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Roster roster;
    private final AuditTrail audit;
    private final Clock clock;

    AwardRecords(JdbcClient jdbc, DataScope scope, Roster roster, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean mayWrite(CurrentUser user) {
        return WRITERS.contains(user.activeRole());
    }

    public static void requireReader(CurrentUser user) {
        if (!READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /**
     * Records a reward or penalty (center only). Refused, naming the field: an unknown 学号 (or one outside the
     * scope), an unknown category, an empty or too long reason, a day decided in the future, a penalty without its
     * last day or with one before the day decided, a reward with one.
     */
    @Transactional
    public AwardRecord record(CurrentUser user, AwardRecordForm form) {
        if (!mayWrite(user)) {
            throw BusinessException.forbidden();
        }
        String no = form.studentNo() == null ? "" : form.studentNo().strip();
        if (no.isEmpty()) {
            throw BusinessException.invalid("awards.record.student-required").field("studentNo");
        }
        TextLimits.require("studentNo", no, 40);
        Student student = roster.findByNumber(no).filter(s -> scope.maySeeStudent(user, s.id()))
                .orElseThrow(() -> BusinessException.invalid("awards.record.student-unknown", no).field("studentNo"));
        AwardCategory category;
        try {
            category = AwardCategory.valueOf(form.category() == null ? "" : form.category().strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("awards.record.category", String.valueOf(form.category()))
                    .field("category");
        }
        String reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.isEmpty()) {
            throw BusinessException.invalid("awards.record.reason-required").field("reason");
        }
        reason = TextLimits.require("reason", reason, 500);
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = date("decidedOn", form.decidedOn());
        if (decided == null) {
            throw BusinessException.invalid("awards.record.decided-required").field("decidedOn");
        }
        if (decided.isAfter(today)) {
            throw BusinessException.invalid("awards.record.decided-future", decided).field("decidedOn");
        }
        LocalDate until = date("validUntil", form.validUntil());
        if (category.penalty()) {
            if (until == null) {
                throw BusinessException.invalid("awards.record.until-required").field("validUntil");
            }
            if (until.isBefore(decided)) {
                throw BusinessException.invalid("awards.record.until-before", until, decided).field("validUntil");
            }
        } else if (until != null) {
            throw BusinessException.invalid("awards.record.until-reward").field("validUntil");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO awd_record (student_id, kind, category, reason, decided_on, valid_until, decided_by,"
                        + " decided_by_name, created_at) VALUES (:s, :kind, :cat, :reason, :decided, :until, :by,"
                        + " :byName, :at)")
                .param("s", student.id()).param("kind", category.kind()).param("cat", category.name())
                .param("reason", reason).param("decided", decided).param("until", until)
                .param("by", user.username()).param("byName", user.displayName())
                .param("at", OffsetDateTime.now(clock)).update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("studentId", student.id());
        values.put("studentNo", student.studentNo());
        values.put("kind", category.kind());
        values.put("category", category.name());
        values.put("reason", reason);
        values.put("decidedOn", decided.toString());
        values.put("validUntil", until == null ? null : until.toString());
        audit.record(AUDIT, id, "create", values);
        return find(id).orElseThrow();
    }

    /**
     * Revokes a reward or penalty (撤销): the record stays, marked with who revoked it, when and why, and stops
     * counting for eligibility. Only those who may record one may revoke it (403 for others); a record outside the
     * caller's scope or unknown is 404; an empty reason is refused naming {@code reason}; revoking twice is 409.
     */
    @Transactional
    public AwardRecord revoke(CurrentUser user, long id, String reason) {
        if (!mayWrite(user)) {
            throw BusinessException.forbidden();
        }
        AwardRecord record = find(id).filter(r -> scope.maySeeStudent(user, r.studentId()))
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessException.invalid("awards.revoke.reason-required").field("reason");
        }
        why = TextLimits.require("reason", why, 500);
        // the condition makes a racing second revocation update nothing instead of overwriting the first
        int changed = jdbc.sql("UPDATE awd_record SET revoked_at = :at, revoked_by = :by, revoked_by_name = :byName,"
                        + " revoke_reason = :why WHERE id = :id AND revoked_at IS NULL")
                .param("at", OffsetDateTime.now(clock)).param("by", user.username())
                .param("byName", user.displayName()).param("why", why).param("id", id).update();
        if (changed == 0) {
            throw BusinessException.conflict("awards.revoke.already", record.revokedByName());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("studentNo", record.studentNo());
        values.put("category", record.category().name());
        values.put("revokeReason", why);
        audit.record(AUDIT, id, "cancel", values);
        return find(id).orElseThrow();
    }

    private java.util.Optional<AwardRecord> find(long id) {
        return views(jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(AwardRecords::row).list()).stream()
                .findFirst();
    }

    /** The records the user may see, newest first (at most 500), optionally of one student (学号). */
    @Transactional(readOnly = true)
    public List<AwardRecord> inScope(CurrentUser user, String studentNo) {
        requireReader(user);
        StudentCondition c = scope.condition(user, StudentQuery.all(), "r.student_id");
        Map<String, Object> params = new HashMap<>(c.params());
        String where = " WHERE " + c.sql();
        if (studentNo != null && !studentNo.isBlank()) {
            Long id = roster.findByNumber(studentNo.strip()).map(Student::id).orElse(-1L);
            where += " AND r.student_id = :only";
            params.put("only", id);
        }
        params.put("lim", SHOWN);
        return views(jdbc.sql(SELECT + where + " ORDER BY r.decided_on DESC, r.id DESC LIMIT :lim").params(params)
                .query(AwardRecords::row).list());
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("awards.record.date", text).field(field);
        }
    }

    private record Row(long id, long studentId, AwardCategory category, String reason, LocalDate decidedOn,
            LocalDate validUntil, String by, String byName, java.time.Instant at, java.time.Instant revokedAt,
            String revokedBy, String revokedByName, String revokeReason) {
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(9);
        Timestamp revokedAt = rs.getTimestamp(10);
        return new Row(rs.getLong(1), rs.getLong(2), AwardCategory.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                rs.getString(8), at.toInstant(), revokedAt == null ? null : revokedAt.toInstant(), rs.getString(11),
                rs.getString(12), rs.getString(13));
    }

    private List<AwardRecord> views(List<Row> rows) {
        Map<Long, StudentRow> names = roster.rows(rows.stream().map(Row::studentId).distinct().toList());
        return rows.stream().map(r -> {
            StudentRow s = names.get(r.studentId());
            return new AwardRecord(r.id(), r.studentId(), s == null ? "" : s.studentNo(), s == null ? "" : s.name(),
                    s == null ? "" : s.className(), r.category(), r.reason(), r.decidedOn(), r.validUntil(), r.by(),
                    r.byName(), r.at(), r.revokedAt(), r.revokedBy(), r.revokedByName(), r.revokeReason());
        }).toList();
    }
}
