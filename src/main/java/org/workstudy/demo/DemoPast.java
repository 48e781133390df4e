package org.workstudy.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.demo.DemoHistory.SchoolClassInfo;
import org.workstudy.demo.DemoHistory.Services;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.shared.TermCode;

/**
 * What every part of the demo's history shares: the services it goes through, the actors (a person at a moment),
 * today and the calendar, and the students by cohort with what the history decided for them. Each part extends it over
 * the same state (see the copying constructor), so its code reads as the whole history's did; the calendar helpers say
 * where a cohort stands.
 */
class DemoPast {

    static final BigDecimal EIGHT = new BigDecimal("8");
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** A student with what the history decided for them. */
    static final class Kid {
        final Student s;
        final SchoolClassInfo c;
        final Random random;
        String role = "";
        BigDecimal target = BigDecimal.ZERO;
        long placement;
        final Set<LocalDate> busy = new TreeSet<>();

        Kid(Student s, SchoolClassInfo c) {
            this.s = s;
            this.c = c;
            this.random = new Random(DemoHistory.SEED * 31 + s.studentNo().hashCode());
        }
    }

    final Services x;
    final DemoActors actors;
    final LocalDateTime now;
    final LocalDate today;
    final CalendarSnapshot calendar;
    final Map<Integer, List<Kid>> cohorts;
    final Map<Long, SchoolClassInfo> classes;
    /** The demo people by what they show: see the README's demo accounts. */
    final Map<String, Student> people;
    final Map<String, Integer> figures;
    /** The staff to sign in as beside the demo students (usernames), for the README's paths. */
    final Map<String, String> staff;

    DemoPast(Services services, DemoActors actors, LocalDateTime now, List<SchoolClassInfo> classes,
            Map<Long, List<Student>> studentsByClass) {
        this.x = services;
        this.actors = actors;
        this.now = now;
        this.today = now.toLocalDate();
        this.calendar = services.calendar().snapshot();
        this.cohorts = new TreeMap<>();
        this.classes = new LinkedHashMap<>();
        this.people = new LinkedHashMap<>();
        this.figures = new LinkedHashMap<>();
        this.staff = new LinkedHashMap<>();
        for (SchoolClassInfo c : classes) {
            this.classes.put(c.classId(), c);
            for (Student s : studentsByClass.getOrDefault(c.classId(), List.of())) {
                cohorts.computeIfAbsent(c.cohort(), k -> new ArrayList<>()).add(new Kid(s, c));
            }
        }
        cohorts.values().forEach(l -> l.sort(Comparator.comparing(k -> k.s.studentNo())));
    }

    /** The same past, for another part of the history: the students and the maps are shared, not copied. */
    DemoPast(DemoPast past) {
        this.x = past.x;
        this.actors = past.actors;
        this.now = past.now;
        this.today = past.today;
        this.calendar = past.calendar;
        this.cohorts = past.cohorts;
        this.classes = past.classes;
        this.people = past.people;
        this.figures = past.figures;
        this.staff = past.staff;
    }

    // ================================================================== the cohorts by the calendar

    static TermCode enrolment(int cohort) {
        return TermCode.parse(cohort + "-" + (cohort + 1) + "-1");
    }

    LocalDate semester(int cohort, int n) {
        return calendar.semesterStart(enrolment(cohort), n).orElseThrow();
    }

    /** Three years over: the sixth semester has ended (the seventh would have begun). */
    boolean graduated(int cohort) {
        return !semester(cohort, 7).isAfter(today);
    }

    LocalDate windowEnd(int cohort) {
        return semester(cohort, 6).minusDays(1);
    }

    /** Which semester the cohort is in today (1–6), 7 once graduated. */
    int semesterNow(int cohort) {
        for (int n = 1; n <= 6; n++) {
            if (semester(cohort, n + 1).isAfter(today)) {
                return n;
            }
        }
        return 7;
    }

    // ================================================================== students by role and class

    List<Kid> withRole(int cohort, Predicate<String> role) {
        return cohorts.getOrDefault(cohort, List.of()).stream().filter(k -> role.test(k.role)).toList();
    }

    Optional<Kid> one(int cohort, String role) {
        return withRole(cohort, role::equals).stream().findFirst();
    }

    List<Kid> kidsOf(long classId) {
        SchoolClassInfo c = classes.get(classId);
        return cohorts.getOrDefault(c.cohort(), List.of()).stream().filter(k -> k.c.classId() == classId).toList();
    }

    // ================================================================== helpers

    long employer(String name) {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        return x.employers().list(center).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
    }

    LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
