package org.workstudy.hours.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.RecordProblem;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.RowError;
import org.workstudy.shared.RowErrors;

/**
 * Bulk entry of hours from an .xlsx, for a class's counselor: the class template (one pre-filled row per student,
 * their sources on a second sheet) and the upload. Every row is checked (the student is of the class and matches the
 * name given, the date, times and hours read, the source is the student's) and then every counting rule through
 * {@link HoursLedger}; only a file without a problem is recorded, in one transaction ({@link HoursLedger#recordAll}).
 * The file is streamed; the parsed rows are kept (at most {@code workstudy.hours.bulk-max-rows}).
 */
@Service
public class HoursBulkEntry {

    public static final String STUDENT_NO = "学号";
    public static final String NAME = "姓名";
    public static final String DATE = "日期";
    public static final String STARTS = "开始时间";
    public static final String ENDS = "结束时间";
    public static final String HOURS = "工时";
    public static final String SOURCE = "来源编号";
    public static final String CONTENT = "工作内容";
    /** The columns of the template, in order. */
    public static final List<String> COLUMNS = List.of(STUDENT_NO, NAME, DATE, STARTS, ENDS, HOURS, SOURCE, CONTENT);
    /** The columns a file must have. */
    public static final List<String> REQUIRED = List.of(STUDENT_NO, DATE, CONTENT);
    /** The most errors a result lists; the rest are only counted. */
    public static final int MAX_LISTED_ERRORS = 1_000;
    private static final int CONTENT_MAX = 500;
    private static final Map<String, String> ALIASES = aliases();
    private static final Logger LOG = LoggerFactory.getLogger(HoursBulkEntry.class);

    private final HoursLedger ledger;
    private final LedgerPages pages;
    private final DataScope scope;
    private final Roster roster;
    private final MessageSource messages;
    private final int maxRows;

    HoursBulkEntry(HoursLedger ledger, LedgerPages pages, DataScope scope, Roster roster, MessageSource messages,
            @Value("${workstudy.hours.bulk-max-rows:20000}") int maxRows) {
        this.ledger = ledger;
        this.pages = pages;
        this.scope = scope;
        this.roster = roster;
        this.messages = messages;
        this.maxRows = maxRows;
    }

    public int maxRows() {
        return maxRows;
    }

    /** The columns with whether each is required and the message key of its help text. */
    public static List<Column> columns() {
        return COLUMNS.stream().map(c -> new Column(c, REQUIRED.contains(c), "bulk.help." + switch (c) {
            case STUDENT_NO -> "student-no";
            case NAME -> "name";
            case DATE -> "date";
            case STARTS -> "starts";
            case ENDS -> "ends";
            case HOURS -> "hours";
            case SOURCE -> "source";
            default -> "content";
        })).toList();
    }

    public record Column(String header, boolean required, String helpKey) {
    }

    /**
     * The class's template: sheet 1 with the header row and one row per student (学号, 姓名 and, when the student has
     * exactly one active source, its code); sheet 2 "来源" with every student's sources and their codes.
     */
    public void writeTemplate(CurrentUser user, long classId, Locale locale, OutputStream out) {
        List<StudentRow> students = classStudents(user, classId);
        RegisterTexts t = new RegisterTexts(messages, locale);
        List<List<Object>> entries = new ArrayList<>();
        List<List<Object>> sources = new ArrayList<>();
        sources.add(List.of(STUDENT_NO, NAME, SOURCE, t.msg("bulk.source.kind"), t.msg("bulk.source.title"),
                t.msg("register.col.employer"), t.msg("register.col.place"), t.msg("bulk.source.period"),
                t.msg("bulk.source.active")));
        for (StudentRow s : students) {
            List<WorkSource> of = pages.sourcesOf(user, s.id());
            List<WorkSource> active = of.stream().filter(WorkSource::active).toList();
            entries.add(Arrays.asList(s.studentNo(), s.name(), "", "", "", "",
                    active.size() == 1 ? BulkValues.code(active.get(0).kind(), active.get(0).id()) : "", ""));
            for (WorkSource w : of) {
                sources.add(Arrays.asList(s.studentNo(), s.name(), BulkValues.code(w.kind(), w.id()),
                        t.msg("bulk.source.kind." + w.kind()), nz(w.title()), nz(w.employerName()), nz(w.place()),
                        (w.from() == null ? "" : w.from()) + " ~ " + (w.to() == null ? "" : w.to()),
                        t.msg(w.active() ? "register.yes" : "register.no")));
            }
        }
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            writer.write(entries, FastExcel.writerSheet(0, t.msg("bulk.sheet.entries"))
                    .head(COLUMNS.stream().map(List::of).toList()).build());
            writer.write(sources, FastExcel.writerSheet(1, t.msg("bulk.sheet.sources")).needHead(false).build());
        }
    }

    /**
     * Checks every row and, when all are valid, records them all in one transaction in the user's name (a
     * counselor of the class). Otherwise nothing is written and every problem is listed by row and column.
     */
    public BulkEntryResult upload(CurrentUser user, long classId, InputStream xlsx) {
        Map<String, StudentRow> students = new HashMap<>();
        classStudents(user, classId).forEach(s -> students.put(s.studentNo().toLowerCase(Locale.ROOT), s));
        RowErrors errors = new RowErrors(MAX_LISTED_ERRORS);
        List<NewWorkRecord> records = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<Long, List<WorkSource>> sources = new HashMap<>();
        List<RowError> fileProblems = BulkSheet.read(xlsx, STUDENT_NO, ALIASES, REQUIRED, maxRows,
                (row, cells) -> parse(user, row, cells, students, sources, errors).ifPresent(r -> {
                    records.add(r);
                    rows.add(row);
                }));
        if (!fileProblems.isEmpty()) {
            return BulkEntryResult.failure(fileProblems, 0);
        }
        if (errors.any()) {
            // the rules too, for the rows that read well, so that one round shows every problem
            if (!records.isEmpty()) {
                ledger.check(user, records).forEach(p -> errors.add(problem(rows.get(p.index()), p)));
            }
            return BulkEntryResult.failure(errors.inRowOrder(), errors.unlisted());
        }
        try {
            return BulkEntryResult.success(ledger.recordAll(user, records).size());
        } catch (HoursBatchRefused e) {
            e.problems().forEach(p -> errors.add(problem(rows.get(p.index()), p)));
            return BulkEntryResult.failure(errors.inRowOrder(), errors.unlisted());
        } catch (DataAccessException e) {
            LOG.warn("Bulk hours entry rolled back: {}", e.getClass().getName());
            return BulkEntryResult.failure(List.of(RowError.ofFile("bulk.error.changed")), 0);
        }
    }

    private List<StudentRow> classStudents(CurrentUser user, long classId) {
        if (!user.acts(Role.COUNSELOR)) {
            throw BusinessException.forbidden();
        }
        scope.requireClass(user, classId);
        List<StudentRow> out = new ArrayList<>();
        roster.forEach(user, new StudentQuery(null, null, classId, null, null), out::add);
        out.sort(Comparator.comparing(StudentRow::studentNo));
        return out;
    }

    private Optional<NewWorkRecord> parse(CurrentUser user, int row, Map<String, String> cells,
            Map<String, StudentRow> students, Map<Long, List<WorkSource>> sources, RowErrors errors) {
        if (cells.keySet().stream().allMatch(c -> c.equals(STUDENT_NO) || c.equals(NAME) || c.equals(SOURCE))) {
            return Optional.empty(); // a pre-filled template row left unused
        }
        int before = errors.count();
        String no = cells.get(STUDENT_NO);
        StudentRow student = null;
        if (no == null) {
            errors.add(RowError.of(row, STUDENT_NO, "bulk.error.required", STUDENT_NO));
        } else {
            student = students.get(no.toLowerCase(Locale.ROOT));
            if (student == null) {
                errors.add(RowError.of(row, STUDENT_NO, "bulk.error.student-unknown", no));
            } else if (cells.get(NAME) != null && !cells.get(NAME).equals(student.name())) {
                errors.add(RowError.of(row, NAME, "bulk.error.name-mismatch", cells.get(NAME), no,
                        student.name()));
            }
        }
        LocalDate date = null;
        String dateText = cells.get(DATE);
        if (dateText == null) {
            errors.add(RowError.of(row, DATE, "bulk.error.required", DATE));
        } else {
            date = BulkValues.date(dateText).orElse(null);
            if (date == null) {
                errors.add(RowError.of(row, DATE, "bulk.error.date-invalid", dateText));
            }
        }
        LocalTime starts = time(row, cells, STARTS, errors);
        LocalTime ends = time(row, cells, ENDS, errors);
        BigDecimal hours = null;
        String hoursText = cells.get(HOURS);
        if (hoursText != null) {
            hours = BulkValues.hours(hoursText).orElse(null);
            if (hours == null) {
                errors.add(RowError.of(row, HOURS, "bulk.error.hours-invalid", hoursText));
            }
        }
        String content = cells.get(CONTENT);
        if (content == null) {
            errors.add(RowError.of(row, CONTENT, "bulk.error.required", CONTENT));
        } else if (content.length() > CONTENT_MAX) {
            errors.add(RowError.of(row, CONTENT, "bulk.error.content-too-long", CONTENT_MAX));
        }
        WorkSource source = null;
        if (student != null) {
            source = source(user, row, student, cells.get(SOURCE), sources, errors);
        }
        if (errors.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new NewWorkRecord(student.id(), source.kind(), source.id(), date, starts, ends, hours,
                content));
    }

    private static LocalTime time(int row, Map<String, String> cells, String column, RowErrors errors) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        Optional<LocalTime> t = BulkValues.time(text);
        if (t.isEmpty()) {
            errors.add(RowError.of(row, column, "bulk.error.time-invalid", text));
        }
        return t.orElse(null);
    }

    private WorkSource source(CurrentUser user, int row, StudentRow student, String code,
            Map<Long, List<WorkSource>> cache, RowErrors errors) {
        List<WorkSource> of = cache.computeIfAbsent(student.id(), id -> pages.sourcesOf(user, id));
        if (code == null) {
            List<WorkSource> active = of.stream().filter(WorkSource::active).toList();
            if (active.size() == 1) {
                return active.get(0);
            }
            errors.add(RowError.of(row, SOURCE, of.isEmpty() ? "bulk.error.no-source"
                    : "bulk.error.source-ambiguous"));
            return null;
        }
        Optional<BulkValues.SourceRef> ref = BulkValues.source(code);
        if (ref.isEmpty()) {
            errors.add(RowError.of(row, SOURCE, "bulk.error.source-invalid", code));
            return null;
        }
        Optional<WorkSource> found = of.stream()
                .filter(w -> w.kind() == ref.get().kind() && w.id() == ref.get().id()).findFirst();
        if (found.isEmpty()) {
            errors.add(RowError.of(row, SOURCE, "bulk.error.source-not-students", ref.get().code()));
        }
        return found.orElse(null);
    }

    /** A refused record as an error of its row, in the column its rule is about. */
    private static RowError problem(int row, RecordProblem p) {
        return new RowError(row, columnOf(p.messageKey()), p.messageKey(), p.args());
    }

    static String columnOf(String messageKey) {
        String k = messageKey == null ? "" : messageKey;
        if (k.startsWith("hours.source") || k.contains("self-arranged") || k.contains("out-of-city")
                || k.equals("hours.rule.position-period") || k.equals("hours.rule.placement-ended")) {
            return SOURCE;
        }
        if (k.startsWith("hours.content")) {
            return CONTENT;
        }
        if (k.contains("hours-") || k.endsWith("-cap")) {
            return HOURS;
        }
        if (k.contains("times") || k.equals("hours.rule.overlap") || k.equals("hours.rule.weekday-evening-only")) {
            return STARTS;
        }
        if (k.startsWith("hours.rule")) {
            return DATE;
        }
        if (k.equals("error.not-found")) {
            return STUDENT_NO;
        }
        return "";
    }

    private static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        COLUMNS.forEach(c -> a.put(c, c));
        a.put("学时", HOURS);
        a.put("来源", SOURCE);
        a.put("岗位/自行联系", SOURCE);
        a.put("工作日期", DATE);
        a.put("内容", CONTENT);
        return Map.copyOf(a);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
