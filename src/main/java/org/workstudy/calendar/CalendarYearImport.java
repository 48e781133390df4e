package org.workstudy.calendar;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.internal.YearImport;
import org.workstudy.shared.RowError;
import org.workstudy.shared.XlsxSheet;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * An administrator enters a calendar year's arrangement (国务院办公厅关于节假日安排的通知) in one step: an .xlsx of
 * dates, each 放假 (a day off: the statutory holidays and the days joined to them) or 调休上班 (a Saturday or Sunday
 * made a workday), with the holiday's name. The file is checked as a whole: any problem refuses it with the list of
 * problems by row, and nothing changes. Accepted, it replaces the year's special days and the year becomes published;
 * {@link CalendarYearPublished} tells the modules that re-check what was entered on its provisional dates.
 */
@Service
class CalendarYearImport implements YearImport {

    static final String DATE = "日期";
    static final String KIND = "类型";
    static final String NAME = "名称";
    static final String HOLIDAY = "放假";
    static final String MAKEUP = "调休上班";
    private static final int MAX_ROWS = 200;
    private static final int MAX_NAME = 50;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?)?");

    private final AcademicCalendar calendar;
    private final CalendarStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CalendarYearImport(AcademicCalendar calendar, CalendarStore store, AuditTrail audit, ApplicationEventPublisher events) {
        this.calendar = calendar;
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The template: one header row (日期, 类型, 名称) and, to start from, the year's holidays known now (for a
     * provisional year the days certain by rule; the administrator adds the joined days and the 调休上班 days).
     */
    @Override
    public void writeTemplate(int year, OutputStream out) {
        List<List<Object>> rows = new ArrayList<>();
        for (SpecialDay d : calendar.specialDays(year)) {
            rows.add(List.of(d.date().toString(), d.kind() == SpecialDayKind.HOLIDAY ? HOLIDAY : MAKEUP, d.name()));
        }
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(18)).build()) {
            writer.write(rows, FastExcel.writerSheet(0, year + "年节假日安排")
                    .head(List.of(List.of(DATE), List.of(KIND), List.of(NAME))).build());
        }
    }

    /**
     * Checks every row; when all are right, replaces the year's special days with the file's in one transaction and
     * publishes the year. Row problems: a date missing, unreadable, twice, or not in the year; a type other than
     * 放假/调休上班; a 调休上班 day that is not a Saturday or Sunday; a 放假 day's name missing or too long.
     */
    @Override
    @Transactional
    public Result importYear(int year, InputStream file) {
        List<RowError> errors = new ArrayList<>();
        List<SpecialDay> days = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        Map<String, String> columns = Map.of(DATE, DATE, KIND, KIND, NAME, NAME);
        List<XlsxSheet.FileProblem> problems = XlsxSheet.read(file, DATE, columns::get, List.of(DATE, KIND, NAME),
                MAX_ROWS, (row, cells) -> readRow(year, row, cells, seen, days, errors));
        for (XlsxSheet.FileProblem p : problems) {
            String key = "calendar.import.error." + p.problem().key();
            errors.add(p.column() != null ? RowError.of(p.row(), p.column(), key, p.arg())
                    : p.arg() == null ? RowError.ofFile(key) : RowError.ofFile(key, p.arg()));
        }
        if (!errors.isEmpty()) {
            return new Result(errors, 0, 0);
        }
        calendar.lockForWrite();
        List<SpecialDay> before = calendar.specialDays(year);
        store.deleteSpecialDays(year);
        Map<Object, Object> removed = new LinkedHashMap<>();
        before.forEach(d -> removed.put(d.date(), d));
        if (!removed.isEmpty()) {
            audit.recordAll(AcademicCalendar.SPECIAL_DAY, "delete", removed);
        }
        days.sort(java.util.Comparator.comparing(SpecialDay::date));
        days.forEach(calendar::insertSpecialDay);
        calendar.markPublished(year, "IMPORT");
        events.publishEvent(new CalendarYearPublished(year, before));
        int holidays = (int) days.stream().filter(d -> d.kind() == SpecialDayKind.HOLIDAY).count();
        return new Result(List.of(), holidays, days.size() - holidays);
    }

    private static void readRow(int year, int row, Map<String, String> cells, Map<LocalDate, Integer> seen,
            List<SpecialDay> days, List<RowError> errors) {
        String dateText = cells.get(DATE);
        String kindText = cells.get(KIND);
        String name = cells.get(NAME);
        LocalDate date = null;
        if (dateText == null) {
            errors.add(RowError.of(row, DATE, "calendar.import.error.date-missing"));
        } else {
            date = date(dateText).orElse(null);
            if (date == null) {
                errors.add(RowError.of(row, DATE, "calendar.import.error.date-invalid", dateText));
            } else if (date.getYear() != year) {
                errors.add(RowError.of(row, DATE, "calendar.import.error.date-other-year", date.toString(), year));
                date = null;
            } else if (seen.containsKey(date)) {
                errors.add(RowError.of(row, DATE, "calendar.import.error.date-twice", date.toString(), seen.get(date)));
                date = null;
            } else {
                seen.put(date, row);
            }
        }
        SpecialDayKind kind = null;
        if (kindText == null) {
            errors.add(RowError.of(row, KIND, "calendar.import.error.kind-missing"));
        } else if (HOLIDAY.equals(kindText) || "休".equals(kindText)) {
            kind = SpecialDayKind.HOLIDAY;
        } else if (MAKEUP.equals(kindText) || "班".equals(kindText) || "调休".equals(kindText)) {
            kind = SpecialDayKind.MAKEUP_WORKDAY;
        } else {
            errors.add(RowError.of(row, KIND, "calendar.import.error.kind-invalid", kindText));
        }
        if (kind == SpecialDayKind.MAKEUP_WORKDAY && date != null && date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            errors.add(RowError.of(row, DATE, "calendar.import.error.makeup-not-weekend", date.toString()));
        }
        if (name == null) {
            errors.add(RowError.of(row, NAME, "calendar.import.error.name-missing"));
        } else if (name.length() > MAX_NAME) {
            errors.add(RowError.of(row, NAME, "calendar.import.error.name-too-long", MAX_NAME));
        }
        if (date != null && kind != null && name != null && name.length() <= MAX_NAME) {
            days.add(new SpecialDay(date, kind, name));
        }
    }

    /** A date as people and Excel write it: 2027-10-01, 2027/10/1, 2027年10月1日, or an Excel date serial. */
    static Optional<LocalDate> date(String text) {
        String t = text.trim();
        Matcher m = YMD.matcher(t);
        try {
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (t.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE));
            }
            if (t.matches("\\d{5}(\\.0+)?")) {
                return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(t.replaceAll("\\..*", ""))));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
