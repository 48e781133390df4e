package org.workstudy.calendar.api;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.internal.DayInfo;
import org.workstudy.calendar.web.DateParam;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;

/**
 * The calendar for programs (any signed-in caller: the calendar is public knowledge inside the school). Bad input is
 * a 422 problem detail (see web/ApiProblems).
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

    private final AcademicCalendar calendar;

    CalendarApi(AcademicCalendar calendar) {
        this.calendar = calendar;
    }

    /** A semester answer; {@code semester} is null when the date is in none of the student's semesters. */
    record SemesterAnswer(String enrolmentTerm, LocalDate date, Integer semester) {
    }

    record TermJson(String code, LocalDate startsOn, LocalDate endsOn, String vacation, LocalDate vacationFrom,
            LocalDate vacationTo) {
    }

    @GetMapping("/days/{date}")
    DayInfo day(@PathVariable String date) {
        return calendar.describe(DateParam.parse(date));
    }

    @GetMapping("/semester")
    SemesterAnswer semester(@RequestParam(required = false) String enrolmentTerm,
            @RequestParam(required = false) String date) {
        if (enrolmentTerm == null || enrolmentTerm.isBlank()) {
            throw BusinessException.invalid("calendar.enrolment-term.required");
        }
        TermCode term = TermCode.parse(enrolmentTerm);
        LocalDate day = DateParam.parse(date);
        OptionalInt n = calendar.semesterOf(term, day);
        return new SemesterAnswer(term.toString(), day, n.isPresent() ? n.getAsInt() : null);
    }

    @GetMapping("/terms")
    List<TermJson> terms() {
        var snapshot = calendar.snapshot();
        return snapshot.terms().stream().map(t -> {
            var v = snapshot.vacationAfter(t);
            return new TermJson(t.code().toString(), t.startsOn(), t.endsOn(), v.map(x -> x.kind().name()).orElse(null),
                    v.map(x -> x.from()).orElse(null), v.map(x -> x.to()).orElse(null));
        }).toList();
    }
}
