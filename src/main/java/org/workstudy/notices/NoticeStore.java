package org.workstudy.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.workstudy.notices.internal.ObjectionAnswer;
import org.workstudy.shared.BusinessException;

/**
 * The notice tables ({@code cr_notice}, its items, objections, answers and finality rows). Everything is inserted,
 * nothing updated. Reads name no other module's table: students and colleges are named by the board.
 */
@Component
class NoticeStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    NoticeStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A line of a notice as stored. */
    record Line(long id, int lineNo, long studentId, long subjectId, String detail, boolean withdrawn) {

        NoticeItem item() {
            return new NoticeItem(studentId, subjectId, detail);
        }
    }

    long insert(NoticeDraft draft, LocalDate publishedOn, NoticePeriod period, String by, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_notice (kind, subject_id, title, college_id, cohort, working_days, published_on,"
                        + " starts_on, ends_on, published_by, published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(draft.kind().name(), draft.subjectId(), draft.title().trim(), draft.collegeId(),
                        draft.cohort(), draft.workingDays(), publishedOn, period.startsOn(), period.endsOn(), by, at)
                .update(key, "id");
        long id = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < draft.items().size(); i++) {
            NoticeItem item = draft.items().get(i);
            rows.add(new Object[] {id, i + 1, item.studentId(), item.subjectId(), item.detail().trim()});
        }
        batch.batchUpdate("INSERT INTO cr_notice_item (notice_id, line_no, student_id, subject_id, detail)"
                + " VALUES (?,?,?,?,?)", rows);
        return id;
    }

    /** The notices within a reach, final on or after {@code finalSince} or not final, newest first (at most 200). */
    List<Notice> within(Reach reach, LocalDate finalSince) {
        return jdbc.sql(NOTICES + " WHERE " + reach.sql() + " AND (f.final_on IS NULL OR f.final_on >= ?)"
                        + " ORDER BY n.starts_on DESC, n.id DESC LIMIT 200")
                .param(finalSince).query(NoticeStore::notice).list();
    }

    Optional<Notice> find(long noticeId, Reach reach) {
        return jdbc.sql(NOTICES + " WHERE n.id = ? AND " + reach.sql()).param(noticeId).query(NoticeStore::notice)
                .optional();
    }

    Optional<Notice> find(long noticeId) {
        return jdbc.sql(NOTICES + " WHERE n.id = ?").param(noticeId).query(NoticeStore::notice).optional();
    }

    /** Locks the notice's row until commit (objections, answers and finality of one notice run one at a time). */
    Notice lock(long noticeId) {
        jdbc.sql("SELECT id FROM cr_notice WHERE id = ? FOR UPDATE").param(noticeId).query(Long.class).optional()
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return find(noticeId).orElseThrow();
    }

    List<Line> lines(long noticeId) {
        return jdbc.sql("SELECT i.id, i.line_no, i.student_id, i.subject_id, i.detail, EXISTS (SELECT 1 FROM"
                        + " cr_notice_answer a WHERE a.withdrawn_item_id = i.id) FROM cr_notice_item i"
                        + " WHERE i.notice_id = ? ORDER BY i.line_no")
                .param(noticeId)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    Optional<Line> line(long noticeId, long itemId) {
        return lines(noticeId).stream().filter(l -> l.id() == itemId).findFirst();
    }

    /** The lines no upheld objection took off, in order. */
    List<NoticeItem> remaining(long noticeId) {
        return lines(noticeId).stream().filter(l -> !l.withdrawn()).map(Line::item).toList();
    }

    /** The objections to a notice, all or those one account raised, in order. */
    List<Objection> objections(long noticeId, Long raisedByAccount) {
        if (raisedByAccount == null) {
            return jdbc.sql(OBJECTIONS + " WHERE o.notice_id = ? ORDER BY o.id").param(noticeId)
                    .query(NoticeStore::objection).list();
        }
        return jdbc.sql(OBJECTIONS + " WHERE o.notice_id = ? AND o.account_id = ? ORDER BY o.id")
                .params(noticeId, raisedByAccount).query(NoticeStore::objection).list();
    }

    /** The unanswered objections to notices of these kinds within a reach, oldest first. */
    List<Objection> openObjections(Set<NoticeKind> kinds, Reach reach) {
        return jdbc.sql(OBJECTIONS + " WHERE a.id IS NULL AND n.kind IN (:kinds) AND " + reach.sql() + " ORDER BY o.id")
                .param("kinds", kinds.stream().map(Enum::name).toList()).query(NoticeStore::objection).list();
    }

    Optional<Objection> objection(long objectionId) {
        return jdbc.sql(OBJECTIONS + " WHERE o.id = :id").param("id", objectionId).query(NoticeStore::objection)
                .optional();
    }

    long insertObjection(long noticeId, Long itemId, String reason, long accountId, String raisedBy, String role,
            LocalDate on, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cr_notice_objection (notice_id, item_id, reason, account_id, raised_by, raised_role,"
                        + " raised_on, raised_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(noticeId, itemId, reason, accountId, raisedBy, role, on, at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertAnswer(long objectionId, boolean upheld, Long withdrawnItemId, String answer, String by, String role,
            LocalDate on, OffsetDateTime at) {
        jdbc.sql("INSERT INTO cr_notice_answer (objection_id, upheld, withdrawn_item_id, answer, answered_by,"
                        + " answered_role, answered_on, answered_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(objectionId, upheld, withdrawnItemId, answer, by, role, on, at)
                .update();
    }

    /** The notices whose period ended before {@code today}, not final, with no open objection. */
    List<Long> due(LocalDate today) {
        return jdbc.sql("SELECT n.id FROM cr_notice n WHERE n.ends_on < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM cr_notice_final f WHERE f.notice_id = n.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM cr_notice_objection o WHERE o.notice_id = n.id AND NOT EXISTS"
                        + " (SELECT 1 FROM cr_notice_answer a WHERE a.objection_id = o.id)) ORDER BY n.id")
                .param(today).query(Long.class).list();
    }

    Optional<LocalDate> lastAnswer(long noticeId) {
        return jdbc.sql("SELECT max(a.answered_on) FROM cr_notice_answer a"
                        + " JOIN cr_notice_objection o ON o.id = a.objection_id WHERE o.notice_id = ?")
                .param(noticeId).query(LocalDate.class).optional();
    }

    /** The finality row; its primary key refuses a second one, should anything bypass the notice's lock. */
    void insertFinal(long noticeId, LocalDate finalOn, int remaining, OffsetDateTime at) {
        jdbc.sql("INSERT INTO cr_notice_final (notice_id, final_on, remaining, finalized_at) VALUES (?,?,?,?)")
                .params(noticeId, finalOn, remaining, at).update();
    }

    /**
     * Whom a reader reads notices for: every notice, or those of some colleges, or those of some (college, cohort)
     * pairs; school-wide notices always; a student also those that list them.
     */
    record Reach(boolean all, Set<Long> colleges, Set<List<Long>> collegeCohorts, Set<Long> listed) {

        /** A condition over the notice alias {@code n}; only numbers are written into it. */
        String sql() {
            if (all) {
                return "1=1";
            }
            StringBuilder or = new StringBuilder("(n.college_id IS NULL");
            if (!colleges.isEmpty()) {
                or.append(" OR n.college_id IN (")
                        .append(colleges.stream().map(String::valueOf).collect(Collectors.joining(","))).append(')');
            }
            for (List<Long> p : collegeCohorts) {
                or.append(" OR (n.college_id = ").append(p.get(0)).append(" AND (n.cohort IS NULL OR n.cohort = ")
                        .append(p.get(1)).append("))");
            }
            if (!listed.isEmpty()) { // a student always reads the notices that list them
                or.append(" OR EXISTS (SELECT 1 FROM cr_notice_item li WHERE li.notice_id = n.id AND li.student_id IN (")
                        .append(listed.stream().map(String::valueOf).collect(Collectors.joining(","))).append("))");
            }
            return or.append(')').toString();
        }
    }

    private static final String NOTICES = "SELECT n.id, n.kind, n.subject_id, n.title, n.college_id, n.cohort,"
            + " n.working_days, n.published_on, n.starts_on, n.ends_on, f.final_on,"
            + " (SELECT count(*) FROM cr_notice_item i WHERE i.notice_id = n.id),"
            + " (SELECT count(*) FROM cr_notice_answer a JOIN cr_notice_objection o ON o.id = a.objection_id"
            + " WHERE o.notice_id = n.id AND a.withdrawn_item_id IS NOT NULL),"
            + " (SELECT count(*) FROM cr_notice_objection o WHERE o.notice_id = n.id AND NOT EXISTS"
            + " (SELECT 1 FROM cr_notice_answer a WHERE a.objection_id = o.id))"
            + " FROM cr_notice n LEFT JOIN cr_notice_final f ON f.notice_id = n.id";

    private static final String OBJECTIONS = "SELECT o.id, o.notice_id, n.kind, n.title, o.item_id, i.student_id,"
            + " o.reason, o.raised_by, o.raised_on, o.account_id, a.upheld, a.answer, a.withdrawn_item_id,"
            + " a.answered_by, a.answered_on FROM cr_notice_objection o JOIN cr_notice n ON n.id = o.notice_id"
            + " LEFT JOIN cr_notice_item i ON i.id = o.item_id LEFT JOIN cr_notice_answer a ON a.objection_id = o.id";

    private static Notice notice(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                rs.getString(4), rs.getObject(5, Long.class), rs.getObject(6, Integer.class), rs.getInt(7),
                rs.getObject(8, LocalDate.class),
                new NoticePeriod(rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)),
                rs.getObject(11, LocalDate.class), rs.getInt(12), rs.getInt(13), rs.getInt(14));
    }

    private static Objection objection(ResultSet rs, int n) throws SQLException {
        ObjectionAnswer answer = rs.getObject(11) == null ? null
                : new ObjectionAnswer(rs.getBoolean(11), rs.getString(12), rs.getObject(13, Long.class),
                        rs.getString(14), rs.getObject(15, LocalDate.class));
        return new Objection(rs.getLong(1), rs.getLong(2), NoticeKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                rs.getObject(9, LocalDate.class), rs.getLong(10), answer);
    }
}
