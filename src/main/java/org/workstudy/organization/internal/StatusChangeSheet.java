package org.workstudy.organization.internal;

import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workstudy.organization.NewStatusChange;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.StatusChangeKind;
import org.workstudy.organization.StatusHistory;
import org.workstudy.shared.RowError;

/**
 * The 异动 sheet of a roster workbook: one 学籍异动 a row (学号, 异动类型, 生效日期, 休学至, 转入班级, 原因), read
 * and checked cell by cell; what the rows mean for each student (in order) is checked by {@link StatusHistory}.
 * Errors name the column as "异动·学号" so that they are told apart from the students sheet's.
 */
final class StatusChangeSheet {

    static final String SHEET = "异动";
    static final String STUDENT_NO = "学号";
    static final String KIND = "异动类型";
    static final String EFFECTIVE = "生效日期";
    static final String UNTIL = "休学至";
    static final String TO_CLASS = "转入班级";
    static final String REASON = "原因";
    static final List<String> COLUMNS = List.of(STUDENT_NO, KIND, EFFECTIVE, UNTIL, TO_CLASS, REASON);
    static final List<String> REQUIRED = List.of(STUDENT_NO, KIND, EFFECTIVE);
    static final int MAX_ROWS = 50_000;

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** A row read: the change (student id 0, resolved later from the number) with its row and student number. */
    record Row(int row, String studentNo, NewStatusChange change) {
    }

    private StatusChangeSheet() {
    }

    static String column(String name) {
        return SHEET + "·" + name;
    }

    /** Reads the sheet: rows that parse, and every problem (file problems or cell problems) added to {@code errors}. */
    static List<Row> read(byte[] xlsx, Function<String, Optional<SchoolClass>> classByName, List<RowError> errors) {
        List<Row> rows = new ArrayList<>();
        List<RowError> file = RosterSheet.read(new ByteArrayInputStream(xlsx), SHEET, STUDENT_NO, COLUMNS, REQUIRED,
                MAX_ROWS, (row, cells) -> {
                    Row r = row(row, cells, classByName, errors);
                    if (r != null) {
                        rows.add(r);
                    }
                });
        // an empty 异动 sheet (the template's) records nothing
        file.stream().filter(e -> !e.messageKey().equals("roster.import.no-data")).forEach(e -> errors.add(new RowError(e.row(), e.column().isEmpty() ? column("") : column(e.column()),
                e.messageKey(), e.args())));
        return rows;
    }

    private static Row row(int row, Map<String, String> cells, Function<String, Optional<SchoolClass>> classByName,
            List<RowError> errors) {
        int before = errors.size();
        String no = required(row, cells, STUDENT_NO, errors);
        String kindText = required(row, cells, KIND, errors);
        String effectiveText = required(row, cells, EFFECTIVE, errors);
        StatusChangeKind kind = null;
        if (kindText != null) {
            kind = StatusChangeKind.parse(kindText);
            if (kind == null) {
                errors.add(RowError.of(row, column(KIND), "status.import.kind.invalid", kindText));
            }
        }
        LocalDate effective = effectiveText == null ? null : date(row, EFFECTIVE, effectiveText, errors);
        String untilText = cells.get(UNTIL);
        LocalDate until = untilText == null ? null : date(row, UNTIL, untilText, errors);
        String className = cells.get(TO_CLASS);
        Long toClass = null;
        if (className != null) {
            Optional<SchoolClass> found = classByName.apply(className);
            if (found.isEmpty()) {
                errors.add(RowError.of(row, column(TO_CLASS), "roster.import.class.unknown", className));
            } else {
                toClass = found.get().id();
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Row(row, no, new NewStatusChange(0, kind, effective, until, toClass, cells.get(REASON)));
    }

    private static LocalDate date(int row, String column, String text, List<RowError> errors) {
        Optional<LocalDate> d = date(text);
        if (d.isEmpty()) {
            errors.add(RowError.of(row, column(column), "status.import.date.invalid", text));
        }
        return d.orElse(null);
    }

    /** A date as people and Excel write it: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, or an Excel serial. */
    static Optional<LocalDate> date(String text) {
        String s = text.strip();
        try {
            Matcher m = DATE.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (SERIAL.matcher(s).matches()) {
                return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(s.replaceAll("\\..*", ""))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String required(int row, Map<String, String> cells, String name, List<RowError> errors) {
        String value = cells.get(name);
        if (value == null) {
            errors.add(RowError.of(row, column(name), "roster.import.required", name));
        }
        return value;
    }
}
