package org.workstudy.demo;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workstudy.awards.AwardRecords;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.checkin.Checkins;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.exemptions.Exemptions;
import org.workstudy.hours.HoursLedger;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.pay.PaySheets;
import org.workstudy.placements.Applications;
import org.workstudy.placements.Placements;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.quality.QualityCredits;
import org.workstudy.recognition.Recognitions;

/**
 * The demo school's past, written from its first autumn up to today through the modules' own services, each action
 * as the person who would have taken it and dated when they would have: arranged placements for every class,
 * positions students applied to, hours recorded by counselors and employers and reported by students, the
 * graduated cohorts' joint recognition, notices and deferrals, exemptions and offsets, self-arranged work, quality
 * credits, check-ins at a few workplaces and annual plans. Deterministic: the same school and the same day give the same history.
 *
 * <p>This class conducts: each part (a {@link DemoPast} over the same students) writes one kind of history, in the
 * order below, which is also the order of the seed's draws.
 */
final class DemoHistory extends DemoPast {

    static final long SEED = 20_221_001L;
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** What the loader tells the history about the school it built. */
    record SchoolClassInfo(long classId, int cohort, long collegeId, int collegeIndex, long counselorAccount,
            String collegeAdmin, String viceDean) {
    }

    /** The services the history goes through. */
    record Services(AcademicCalendar calendar, PositionWorkflow workflow, Employers employers,
            Placements placements, Applications applications, HoursLedger ledger, SelfArrangedWork selfArranged,
            Exemptions exemptions, QualityCredits quality, Recognitions recognitions, NoticeBoard notices,
            GraduationAudit graduation, AnnualPlans plans, StatusHistory status, PaySheets pay, AwardRecords awards,
            Checkins checkins) {
    }

    DemoHistory(Services services, DemoActors actors, LocalDateTime now, List<SchoolClassInfo> classes,
            Map<Long, List<Student>> studentsByClass) {
        super(services, actors, now, classes, studentsByClass);
    }

    void load() {
        int latestGraduated = new DemoTargets(this).plan();
        int fifth = cohorts.keySet().stream().filter(c -> semesterNow(c) == 5).findFirst().orElse(0);
        DemoPlacementHistory placements = new DemoPlacementHistory(this);
        DemoCredits credits = new DemoCredits(this);
        DemoHours hours = new DemoHours(this);
        DemoGraduation graduation = new DemoGraduation(this, credits, hours);
        DemoCenterRecords center = new DemoCenterRecords(this);
        timed("arranged placements", () -> cohorts.keySet().forEach(placements::arrange));
        timed("past applications", placements::pastApplications);
        timed("quality credits", credits::qualityCredits);
        timed("hours", () -> cohorts.keySet().forEach(hours::hours));
        timed("graduation", () -> cohorts.keySet().stream().filter(this::graduated)
                .forEach(c -> graduation.graduate(c, c == latestGraduated)));
        if (fifth != 0) {
            timed("fifth semester", () -> new DemoFifthSemester(this, credits, hours).fifthSemester(fifth));
        }
        timed("check-ins", () -> new DemoCheckins(this).load());
        timed("annual plans", center::annualPlans);
        timed("pay", () -> new DemoPay(x.pay(), actors, now).load());
        timed("rewards and penalties", center::rewardsAndPenalties);
    }

    /** What the seed decides, without writing anything: 学号 → role and target hours (for the determinism test). */
    Map<String, String> planOnly() {
        new DemoTargets(this).plan();
        Map<String, String> out = new TreeMap<>();
        cohorts.values().forEach(l -> l.forEach(k -> out.put(k.s.studentNo(), k.role + " " + k.target)));
        return out;
    }

    /** Today's applications, at the real time (after today's positions are published). */
    void applications() {
        new DemoPlacementHistory(this).applications();
    }

    private static void timed(String phase, Runnable work) {
        long start = System.nanoTime();
        work.run();
        log.info("Demo history: {} in {} ms", phase, (System.nanoTime() - start) / 1_000_000);
    }
}
