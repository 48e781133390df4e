package org.workstudy.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.workstudy.hours.internal.Projection;

/**
 * The hours figures as they stood at the end of a past day, on hand-made ledgers (TestCalendar: enrolled
 * 2024-2025-1, semester 3 from 2025-09-01): a record entered after the day does not count, nor does work after the
 * day; the expected pace is the day's; a void written after the day does not undo the record yet; a confirmation is
 * today's (the documented assumption).
 */
class HoursFiguresAsOfTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    private final CountingSettings settings = CountingSettings.defaults();
    private final CountingWindow window = CountingWindow.of(TestCalendar.snapshot(), TestCalendar.ENROLMENT,
            settings.semesterWindow());
    private final List<EntryRow> rows = new ArrayList<>();
    private long nextId = 1;

    @Test
    void aRecordEnteredAfterTheDayDoesNotCountThenButDoesToday() {
        record("2025-07-07", null, null, "6", at("2025-08-31T22:00"));
        record("2025-07-08", null, null, "5", at("2025-09-02T09:00")); // entered the day after

        assertThat(asOf(DAY).countedHours()).isEqualByComparingTo("6");
        assertThat(asOf(LocalDate.of(2025, 9, 2)).countedHours()).isEqualByComparingTo("11");
        assertThat(today().countedHours()).isEqualByComparingTo("11");
        // entered on the day itself, late in the evening, counts
        record("2025-07-09", null, null, "1", at("2025-09-01T23:59"));
        assertThat(asOf(DAY).countedHours()).isEqualByComparingTo("7");
    }

    @Test
    void workAfterTheDayDoesNotCountEvenWhenEnteredBefore() {
        // a night across midnight: 22:00 on the day to 02:00 the next, entered on the day (half of it after the day)
        record("2025-09-01", "22:00", "02:00", "4", at("2025-09-01T23:00"));

        HoursFigures.StudentFigures then = asOf(DAY);
        assertThat(then.countedHours()).isEqualByComparingTo("2");
        assertThat(then.counted()).singleElement().satisfies(g -> assertThat(g.hours()).isEqualByComparingTo("2"));
        assertThat(asOf(LocalDate.of(2025, 9, 2)).countedHours()).isEqualByComparingTo("4");
    }

    @Test
    void theExpectedPaceIsThatOfTheDay() {
        record("2024-12-07", null, null, "100", at("2024-12-08T20:00"));

        // before the window: nothing expected, on track
        HoursFigures.StudentFigures start = asOf(LocalDate.of(2024, 9, 2));
        assertThat(start.expectedHours()).isEqualByComparingTo("0");
        assertThat(start.countedHours()).isEqualByComparingTo("0");
        assertThat(start.behind()).isFalse();
        // the first day of semester 3: two semesters of five passed, 144 expected, 100 counted: behind
        HoursFigures.StudentFigures semester3 = asOf(DAY);
        assertThat(semester3.expectedHours()).isEqualByComparingTo("144");
        assertThat(semester3.countedHours()).isEqualByComparingTo("100");
        assertThat(semester3.behind()).isTrue();
        // the first day of semester 2 (one semester passed, 72 expected): ahead with the same 100 hours
        HoursFigures.StudentFigures semester2 = asOf(LocalDate.of(2025, 2, 17));
        assertThat(semester2.expectedHours()).isEqualByComparingTo("72");
        assertThat(semester2.behind()).isFalse();
    }

    @Test
    void aVoidWrittenAfterTheDayLeavesTheRecordCountingOnThatDay() {
        EntryRow original = record("2025-07-07", null, null, "6", at("2025-08-01T10:00"));
        rows.add(row(nextId++, original.workDate(), null, null, original.hours(), EntryKind.VOID, original.id(),
                at("2025-09-05T10:00"), false, null));

        assertThat(asOf(DAY).countedHours()).isEqualByComparingTo("6");
        assertThat(asOf(LocalDate.of(2025, 9, 5)).countedHours()).isEqualByComparingTo("0");
    }

    @Test
    void aConfirmationIsTodaysEvenWhenGivenAfterTheDay() {
        // the student's own report, entered before the day, confirmed after it: counts (status is today's)
        rows.add(row(nextId++, LocalDate.parse("2025-07-07"), null, null, new BigDecimal("6"), EntryKind.RECORD,
                null, at("2025-08-20T10:00"), true, true));
        // another, still waiting today: waiting then too
        rows.add(row(nextId++, LocalDate.parse("2025-07-08"), null, null, new BigDecimal("3"), EntryKind.RECORD,
                null, at("2025-08-21T10:00"), true, null));

        HoursFigures.StudentFigures then = asOf(DAY);
        assertThat(then.countedHours()).isEqualByComparingTo("6");
        assertThat(then.waitingHours()).isEqualByComparingTo("3");
    }

    private HoursFigures.StudentFigures asOf(LocalDate day) {
        return HoursFigures.figures(1, rows, day, true, ZONE, TestCalendar.snapshot(), window, settings,
                Projection.Assumptions.DEFAULTS, r -> Optional.empty(), new HashMap<>());
    }

    private HoursFigures.StudentFigures today() {
        return HoursFigures.figures(1, rows, LocalDate.of(2026, 12, 5), false, ZONE, TestCalendar.snapshot(), window,
                settings, Projection.Assumptions.DEFAULTS, r -> Optional.empty(), new HashMap<>());
    }

    private EntryRow record(String date, String from, String to, String hours, Instant recordedAt) {
        EntryRow r = row(nextId++, LocalDate.parse(date), from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), new BigDecimal(hours), EntryKind.RECORD, null, recordedAt,
                false, null);
        rows.add(r);
        return r;
    }

    private static EntryRow row(long id, LocalDate date, LocalTime from, LocalTime to, BigDecimal hours,
            EntryKind kind, Long corrects, Instant recordedAt, boolean needsConfirmation, Boolean confirmed) {
        return new EntryRow(id, 1, SourceKind.PLACEMENT, 10, 20L, 30L, "图书馆", "厦门", date, from, to, hours, "整理图书",
                kind, corrects, corrects, null, "counselor", "辅导员",
                needsConfirmation ? RecorderRole.STUDENT : RecorderRole.COUNSELOR, recordedAt, needsConfirmation,
                confirmed, confirmed == null ? null : "单位", confirmed == null ? null : "EMPLOYER",
                confirmed == null ? null : recordedAt.plusSeconds(40 * 86_400L), null);
    }

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
