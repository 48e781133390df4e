package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workstudy.hours.SourceKind;

/**
 * Reads the cells of an hours file as people and Excel write them: dates as 2026-07-20, 2026/7/20, 2026.7.20,
 * 20260720, 2026年7月20日 or an Excel date serial; times as 9:00, 09:00:00 or an Excel day fraction; hours as
 * numbers. A date cell read with a time part (2026-07-20 00:00:00) is a date.
 */
final class BulkValues {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]0{1,2}:00(?::00(?:\\.0+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final Pattern TIME = Pattern.compile(
            "(?:\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}[ T])?(\\d{1,2})\\s*[:：]\\s*(\\d{2})(?:\\s*[:：]\\s*(\\d{2})(?:\\.\\d+)?)?");
    private static final Pattern FRACTION = Pattern.compile("0?\\.\\d+|0|1(?:\\.0+)?");
    private static final Pattern SOURCE = Pattern.compile("([PpSs])\\s*-?\\s*(\\d{1,18})");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private BulkValues() {
    }

    static Optional<LocalDate> date(String text) {
        String s = text.strip();
        try {
            Matcher m = DATE.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = COMPACT.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (SERIAL.matcher(s).matches()) {
                long days = new BigDecimal(s).longValue();
                if (days > 20_000 && days < 80_000) {
                    return Optional.of(EXCEL_EPOCH.plusDays(days));
                }
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<LocalTime> time(String text) {
        String s = text.strip();
        Matcher m = TIME.matcher(s);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (h == 24 && min == 0 && sec == 0) {
                return Optional.empty();
            }
            if (h > 23 || min > 59 || sec > 59) {
                return Optional.empty();
            }
            return Optional.of(LocalTime.of(h, min));
        }
        if (FRACTION.matcher(s).matches()) {
            long minutes = new BigDecimal(s).multiply(BigDecimal.valueOf(1440)).setScale(0,
                    java.math.RoundingMode.HALF_UP).longValue();
            if (minutes >= 0 && minutes < 1440) {
                return Optional.of(LocalTime.of((int) (minutes / 60), (int) (minutes % 60)));
            }
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> hours(String text) {
        String s = text.strip().replace("小时", "").replace("学时", "").replace("h", "").strip();
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A source code: P12 (placement 12) or S7 (self-arranged registration 7). */
    static Optional<SourceRef> source(String text) {
        Matcher m = SOURCE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        SourceKind kind = Character.toUpperCase(m.group(1).charAt(0)) == 'P' ? SourceKind.PLACEMENT
                : SourceKind.SELF_ARRANGED;
        return Optional.of(new SourceRef(kind, Long.parseLong(m.group(2))));
    }

    static String code(SourceKind kind, long id) {
        return (kind == SourceKind.PLACEMENT ? "P" : "S") + id;
    }

    record SourceRef(SourceKind kind, long id) {
        String code() {
            return BulkValues.code(kind, id);
        }
    }
}
