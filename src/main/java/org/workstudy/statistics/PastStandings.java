package org.workstudy.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workstudy.credits.CreditStandings;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.hours.HoursFigures;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentStatus;

/**
 * Where students stood at the end of past days, computed from the owners' facades as the summary would have held
 * it then (the summary itself only knows today): hours from {@link HoursFigures#of(Collection, Collection)}, the
 * {@link Standing} rule unchanged. What hours cannot reconstruct is today's: the student's class and status
 * (withdrawn students are left out), exemptions, offsets and recognition, and the confirmation of each record.
 */
@Service
class PastStandings {

    /** One student's standing at the end of a day, with where they are (today). */
    record Past(long studentId, long classId, long collegeId, BigDecimal requiredHours, BigDecimal countedHours,
            BigDecimal expectedHours, Standing standing) {
    }

    private final Roster roster;
    private final Organization organization;
    private final HoursFigures hours;
    private final CreditStandings credits;

    PastStandings(Roster roster, Organization organization, HoursFigures hours, CreditStandings credits) {
        this.roster = roster;
        this.organization = organization;
        this.hours = hours;
        this.credits = credits;
    }

    /** The standings of these students (one batch: callers cut the school into {@code StatisticsRefresh.CHUNK}s). */
    Map<LocalDate, Map<Long, Past>> of(Collection<Long> ids, Collection<LocalDate> days) {
        Map<Long, Student> students = new HashMap<>(roster.findAll(ids));
        students.values().removeIf(s -> s.status() == StudentStatus.WITHDRAWN);
        Map<Long, SchoolClass> classes = new HashMap<>();
        students.values().forEach(s -> classes.computeIfAbsent(s.classId(),
                id -> organization.schoolClass(id).orElse(null)));
        Map<LocalDate, Map<Long, HoursFigures.StudentFigures>> figures = hours.of(students.keySet(), days);
        Map<Long, ExemptionStanding> exemptions = credits.exemptions(students.keySet());
        Set<Long> recognised = credits.records(students.keySet()).keySet();
        Map<LocalDate, Map<Long, Past>> out = new HashMap<>();
        figures.forEach((day, ofDay) -> {
            Map<Long, Past> past = new HashMap<>();
            for (Student s : students.values()) {
                SchoolClass c = classes.get(s.classId());
                HoursFigures.StudentFigures f = ofDay.get(s.id());
                if (c == null || f == null) {
                    continue;
                }
                past.put(s.id(), new Past(s.id(), c.id(), c.collegeId(), f.requiredHours(), f.countedHours(),
                        f.expectedHours(), Standing.of(f, exemptions.get(s.id()), recognised.contains(s.id()))));
            }
            out.put(day, past);
        });
        return out;
    }
}
