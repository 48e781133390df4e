package org.workstudy.quality;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.ImportColumn;
import org.workstudy.organization.ImportResult;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentCondition;
import org.workstudy.organization.StudentScope;
import org.workstudy.quality.internal.QualityCreditEntry;
import org.workstudy.quality.internal.QualityImportBatch;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;
import org.workstudy.shared.XlsxSheet;

/**
 * Quality-development credits (素质拓展学分), kept in another system and imported here from .xlsx by the center (the
 * whole school) or a college's work-study admin (their college's students only). An import is all or nothing: every
 * row is checked (known student, name as on the roster, a number from 0 to {@value #MAX_CREDITS} with at most two
 * decimals, each student once, within the importer's scope) and only a file without a problem is written, as one
 * batch. A student's current credits are those of the newest batch that lists them; what they can use for an offset
 * is that minus the credits of their live offsets.
 */
@Service
public class QualityCredits {

    public static final String STUDENT_NO = "学号";
    public static final String NAME = "姓名";
    public static final String CREDITS = "素质拓展学分";
    public static final String NOTE = "备注";
    public static final List<String> COLUMNS = List.of(STUDENT_NO, NAME, CREDITS, NOTE);
    public static final List<String> REQUIRED = List.of(STUDENT_NO, NAME, CREDITS);
    /** A sane upper bound: nobody earns more quality-development credits than this in a course of study. */
    public static final BigDecimal MAX_CREDITS = new BigDecimal("100");
    public static final int MAX_ROWS = 50_000;
    public static final int MAX_LISTED_ERRORS = 1_000;
    private static final int NOTE_MAX = 200;
    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DataScope scope;
    private final Roster roster;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OffsetHoldings holdings;

    QualityCredits(JdbcClient jdbc, JdbcTemplate batch, DataScope scope, Roster roster, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, OffsetHoldings holdings) {
        this.holdings = holdings;
        this.jdbc = jdbc;
        this.batch = batch;
        this.scope = scope;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The columns with whether each is required and the message key of its help text. */
    public static List<ImportColumn> columns() {
        return COLUMNS.stream().map(c -> new ImportColumn(c, REQUIRED.contains(c), "quality.help." + switch (c) {
            case STUDENT_NO -> "student-no";
            case NAME -> "name";
            case CREDITS -> "credits";
            default -> "note";
        })).toList();
    }

    /** Whether the user may import and look up credits: the center, its director, a college's work-study admin. */
    public static boolean mayManage(CurrentUser user) {
        return user.acts(Role.CENTER_STAFF) || user.acts(Role.CENTER_DIRECTOR) || user.acts(Role.COLLEGE_ADMIN);
    }

    public static void requireManager(CurrentUser user) {
        if (!mayManage(user)) {
            throw BusinessException.forbidden();
        }
    }

    /** The empty template: the header row only (a sample row would be imported by mistake). */
    public void writeTemplate(CurrentUser user, OutputStream out) {
        requireManager(user);
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(18)).build()) {
            writer.write(List.<List<Object>>of(), FastExcel.writerSheet(0, CREDITS)
                    .head(COLUMNS.stream().map(List::of).toList()).build());
        }
    }

    /**
     * Checks every row and, when all are valid, writes them as one batch in the user's name. Otherwise nothing is
     * written and every problem is listed by row and column.
     */
    public ImportResult importFile(CurrentUser user, String fileName, InputStream xlsx) {
        requireManager(user);
        StudentScope inScope = scope.studentsOf(user);
        List<Line> lines = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        List<XlsxSheet.FileProblem> problems = XlsxSheet.read(xlsx, STUDENT_NO,
                h -> COLUMNS.contains(h) ? h : null, REQUIRED, MAX_ROWS,
                (row, cells) -> parse(row, cells, firstRow, errors).ifPresent(lines::add));
        if (!problems.isEmpty()) {
            return new ImportResult(0, problems.stream().map(p -> new RowError(p.row(),
                    p.column(), "quality.error." + p.problem().key(),
                    p.arg() == null ? List.of() : List.of(p.arg()))).toList(), 0);
        }
        Map<String, Found> students = find(lines.stream().map(Line::studentNo).toList());
        List<Line> valid = new ArrayList<>();
        for (Line line : lines) {
            Found s = students.get(line.studentNo());
            if (s == null) {
                errors.add(new RowError(line.row(), STUDENT_NO, "quality.error.student-unknown",
                        List.of(line.studentNo())));
            } else if (!inScope.coversClass(s.classId(), s.collegeId())) {
                errors.add(new RowError(line.row(), STUDENT_NO, "quality.error.out-of-scope",
                        List.of(line.studentNo())));
            } else if (!s.name().equals(line.name())) {
                errors.add(new RowError(line.row(), NAME, "quality.error.name-mismatch",
                        List.of(line.name(), line.studentNo(), s.name())));
            } else if (line.credits() != null) {
                valid.add(line.withStudent(s.id()));
            }
        }
        if (!errors.isEmpty()) {
            return failure(errors);
        }
        int written = transaction.execute(status -> write(user, fileName, valid));
        return new ImportResult(written, List.of(), 0);
    }

    private int write(CurrentUser user, String fileName, List<Line> lines) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String name = fileName == null ? null : org.workstudy.shared.UploadedFiles.cleanName(fileName, 200);
        jdbc.sql("INSERT INTO cr_quality_import (file_name, row_count, imported_by, imported_at) VALUES (?,?,?,?)")
                .params(name, lines.size(), user.username(), now()).update(key, "id");
        long importId = key.getKey().longValue();
        List<Object[]> rows = lines.stream()
                .map(l -> new Object[] {importId, l.studentId(), l.credits(), l.note()}).toList();
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("INSERT INTO cr_quality_credit (import_id, student_id, credits, note) VALUES (?,?,?,?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fileName", name);
        values.put("rows", lines.size());
        audit.record("quality-import", importId, "import", values);
        Map<Long, Object> perStudent = new LinkedHashMap<>();
        lines.forEach(l -> perStudent.put(l.studentId(), Map.of("importId", importId,
                "credits", l.credits().toPlainString(), "note", l.note() == null ? "" : l.note())));
        audit.recordAll("quality-credit", "import", perStudent);
        return lines.size();
    }

    private static Optional<Line> parse(int row, Map<String, String> cells, Map<String, Integer> firstRow,
            List<RowError> errors) {
        int before = errors.size();
        String no = cells.get(STUDENT_NO);
        String name = cells.get(NAME);
        String text = cells.get(CREDITS);
        String note = cells.get(NOTE);
        if (no == null) {
            errors.add(new RowError(row, STUDENT_NO, "quality.error.required", List.of(STUDENT_NO)));
        } else {
            Integer first = firstRow.putIfAbsent(no, row);
            if (first != null) {
                errors.add(new RowError(row, STUDENT_NO, "quality.error.duplicate", List.of(no, first)));
            }
        }
        if (name == null) {
            errors.add(new RowError(row, NAME, "quality.error.required", List.of(NAME)));
        }
        BigDecimal credits = null;
        if (text == null) {
            errors.add(new RowError(row, CREDITS, "quality.error.required", List.of(CREDITS)));
        } else {
            credits = credits(text);
            if (credits == null) {
                errors.add(new RowError(row, CREDITS, "quality.error.credits-invalid",
                        List.of(text, MAX_CREDITS.toPlainString())));
            }
        }
        if (note != null && note.length() > NOTE_MAX) {
            errors.add(new RowError(row, NOTE, "quality.error.note-too-long", List.of(NOTE_MAX)));
        }
        // the student is still checked for a row with other problems, so that one round lists them all
        if (no == null || name == null) {
            return Optional.empty();
        }
        return Optional.of(new Line(row, no, name, errors.size() > before ? null : credits, note, 0));
    }

    /** A number from 0 to the maximum with at most two decimals, as typed or as Excel stores it; else null. */
    static BigDecimal credits(String text) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        // Excel keeps 2.3 as 2.2999999999999998: round what is a binary artefact, refuse real third decimals
        BigDecimal rounded = n.setScale(OffsetPlan.SCALE, RoundingMode.HALF_UP);
        if (n.subtract(rounded).abs().compareTo(new BigDecimal("0.000000001")) > 0) {
            return null;
        }
        if (rounded.signum() < 0 || rounded.compareTo(MAX_CREDITS) > 0) {
            return null;
        }
        return rounded;
    }

    private Map<String, Found> find(List<String> numbers) {
        Map<String, Found> out = new HashMap<>();
        roster.rowsByNumber(numbers).forEach((no, r) -> out.put(no, new Found(r.id(), r.studentNo(), r.name(),
                r.classId(), r.collegeId())));
        return out;
    }

    // ---- reads ----

    /** Each student's current credits (those of the newest import listing them); students never imported absent. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> current(Collection<Long> studentIds) {
        Map<Long, BigDecimal> out = new HashMap<>();
        List<Long> all = List.copyOf(studentIds);
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql("SELECT q.student_id, q.credits FROM cr_quality_credit q WHERE q.student_id IN (:ids)"
                            + " AND q.import_id = (SELECT max(q2.import_id) FROM cr_quality_credit q2"
                            + " WHERE q2.student_id = q.student_id)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2))).list()
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Where a student stands: current credits, those held by live offsets, and what is left to use. */
    @Transactional(readOnly = true)
    public QualityStanding standing(long studentId) {
        BigDecimal current = current(List.of(studentId)).get(studentId);
        BigDecimal used = holdings.heldBy(studentId);
        return QualityStanding.of(studentId, current, used);
    }

    /** A student's imported credits, newest first (the first is current), for those who may see the student. */
    @Transactional(readOnly = true)
    public List<QualityCreditEntry> history(CurrentUser user, long studentId) {
        scope.requireStudent(user, studentId);
        return jdbc.sql("SELECT q.import_id, q.credits, q.note, i.file_name, i.imported_by, i.imported_at"
                        + " FROM cr_quality_credit q JOIN cr_quality_import i ON i.id = q.import_id"
                        + " WHERE q.student_id = ? ORDER BY q.import_id DESC")
                .param(studentId)
                .query((rs, n) -> new QualityCreditEntry(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The student with this number, if the managing user may see them. */
    public Optional<Student> lookUp(CurrentUser user, String studentNo) {
        requireManager(user);
        if (studentNo == null || studentNo.isBlank()) {
            return Optional.empty();
        }
        return roster.findByNumber(studentNo.strip()).filter(s -> scope.maySeeStudent(user, s.id()));
    }

    /** The latest imports, newest first, each with how many of its rows are of students in the user's scope. */
    @Transactional(readOnly = true)
    public List<QualityImportBatch> imports(CurrentUser user, int limit) {
        requireManager(user);
        StudentCondition inScope = scope.condition(user, null, "q.student_id");
        return jdbc.sql("SELECT i.id, i.file_name, count(q.id), i.imported_by, i.imported_at FROM cr_quality_import i"
                        + " JOIN cr_quality_credit q ON q.import_id = i.id WHERE " + inScope.sql()
                        + " GROUP BY i.id, i.file_name, i.imported_by, i.imported_at ORDER BY i.id DESC LIMIT "
                        + Math.max(1, Math.min(limit, 200)))
                .params(inScope.params())
                .query((rs, n) -> new QualityImportBatch(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }

    private record Line(int row, String studentNo, String name, BigDecimal credits, String note, long studentId) {
        Line withStudent(long id) {
            return new Line(row, studentNo, name, credits, note, id);
        }
    }

    private record Found(long id, String studentNo, String name, long classId, long collegeId) {
    }

    /** Every error in row order; the first {@link #MAX_LISTED_ERRORS} listed, the rest counted. */
    private static ImportResult failure(List<RowError> errors) {
        List<RowError> sorted = errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
        int listed = Math.min(sorted.size(), MAX_LISTED_ERRORS);
        return new ImportResult(0, sorted.subList(0, listed), sorted.size() - listed);
    }
}
