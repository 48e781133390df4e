package org.workstudy.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.workstudy.credits.ExemptionKind;
import org.workstudy.demo.DemoHistory.SchoolClassInfo;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.SourceKind;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notices.NoticeSummary;
import org.workstudy.placements.SelfArrangedForm;

/**
 * The cohort in its fifth semester: exemptions in every state and one on a running notice, self-arranged work, the
 * demo people, recognition lists of those done, and the last weeks' hours.
 */
final class DemoFifthSemester extends DemoPast {

    private final DemoCredits credits;
    private final DemoHours hoursHistory;

    DemoFifthSemester(DemoPast past, DemoCredits credits, DemoHours hoursHistory) {
        super(past);
        this.credits = credits;
        this.hoursHistory = hoursHistory;
    }

    // ================================================================== the fifth semester

    void fifthSemester(int cohort) {
        LocalDate recent = workingDaysBefore(today, 2);
        // exemptions and offsets in every state
        one(cohort, "offset-final").ifPresent(k -> {
            long id = credits.exemption(k, semester(cohort, 5).plusDays(15), ExemptionKind.OFFSET, "granted");
            credits.publishExemptions(List.of(id), semester(cohort, 5).plusDays(22).atTime(9, 0), true);
        });
        for (String state : List.of("submitted", "director", "returned", "rejected", "withdrawn")) {
            one(cohort, "exemption-" + state).ifPresent(k -> {
                credits.exemption(k, workingDaysBefore(today, 8), ExemptionKind.EXEMPT, state);
                people.put("exemption-" + state, k.s);
            });
        }
        one(cohort, "exemption-in-notice").ifPresent(k -> {
            long id = credits.exemption(k, workingDaysBefore(recent, 6), ExemptionKind.EXEMPT, "granted");
            credits.publishExemptions(List.of(id), recent.atTime(9, 0), false);
            people.put("exemption-in-notice", k.s);
            // a classmate objects on the running notice; the director has not answered yet
            Optional<NoticeSummary> notice = x.notices().board(actors.user("zhuren", Role.CENTER_DIRECTOR)).stream()
                    .filter(n -> n.finalOn() == null && !n.endsOn().isBefore(today)).findFirst();
            one(cohort, "objector").filter(o -> o.c.collegeId() == k.c.collegeId()).or(() -> cohorts.get(cohort)
                    .stream().filter(o -> o.c.collegeId() == k.c.collegeId() && o.role.isEmpty()).findFirst())
                    .ifPresent(o -> notice.ifPresent(n -> {
                        CurrentUser objector = actors.user(o.s.accountId(), Role.STUDENT);
                        actors.as(objector, now.minusHours(20), () -> x.notices().object(objector, n.id(), null,
                                "该同学上学期仍参加校运动会志愿服务，是否符合因病免修条件请核实。"));
                    }));
        });
        // self-arranged work: one out of Xiamen waiting for the vice dean, one with a verified certificate
        one(cohort, "out-of-city-waiting").ifPresent(k -> {
            selfArranged(k, "350503", today.plusDays(20), today.plusDays(40), false);
            people.put("out-of-city-waiting", k.s);
        });
        one(cohort, "out-of-city-verified").ifPresent(k -> {
            LocalDate summer = semester(cohort, 5).minusDays(50);
            selfArranged(k, "350102", summer, summer.plusDays(20), true);
            people.put("out-of-city-verified", k.s);
        });
        one(cohort, "in-city").ifPresent(k -> {
            LocalDate summer = semester(cohort, 5).minusDays(45);
            selfArranged(k, "350206", summer, summer.plusDays(20), false);
            people.put("in-city", k.s);
        });
        one(cohort, "complete").ifPresent(k -> people.put("complete", k.s));
        one(cohort, "behind").ifPresent(k -> {
            people.put("behind", k.s);
            staff.put("counselor", actors.user(k.c.counselorAccount(), Role.COUNSELOR).username());
        });
        one(cohort, "out-of-city-waiting").ifPresent(k -> staff.put("vice-dean", k.c.viceDean()));
        one(cohort, "at-risk").ifPresent(k -> people.put("at-risk", k.s));
        // recognition lists of those already done: one college waits for the second approval, one is in notice
        List<Long> colleges = classes.values().stream().filter(c -> c.cohort() == cohort)
                .map(SchoolClassInfo::collegeId).distinct().toList();
        if (colleges.size() >= 2) {
            List<Long> waiting = credits.recognise(cohort, workingDaysBefore(today, 3), false, Set.of(colleges.get(0)));
            CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
            waiting.forEach(id -> actors.as(jiaowu, now.minusDays(1), () -> x.recognitions().decide(jiaowu, id,
                    true, null)));
            List<Long> inNotice = credits.recognise(cohort, workingDaysBefore(today, 4), false, Set.of(colleges.get(1)));
            CurrentUser zhuren = actors.user("zhuren", Role.CENTER_DIRECTOR);
            inNotice.forEach(id -> {
                actors.as(jiaowu, workingDaysBefore(today, 3).atTime(10, 0), () -> x.recognitions().decide(jiaowu,
                        id, true, null));
                actors.as(zhuren, workingDaysBefore(today, 2).atTime(16, 0), () -> x.recognitions().decide(zhuren,
                        id, true, null));
            });
        }
        // the last weeks: hours an employer recorded waiting for the counselor, a student's own report, a correction
        // and a void with their reasons
        hoursHistory.recentHours(cohort);
    }

    private void selfArranged(Kid k, String city, LocalDate start, LocalDate end, boolean verified) {
        CurrentUser student = actors.user(k.s.accountId(), Role.STUDENT);
        LocalDate registered = verified || city.equals("350206") ? start.minusDays(20) : workingDaysBefore(today, 3);
        long id = actors.as(student, registered.atTime(21, 0), () -> x.selfArranged().register(student,
                new SelfArrangedForm(city.equals("350503") ? "泉州丰泽文旅发展有限公司" : city.equals("350206")
                        ? "厦门海湾图书城" : "福州三坊七巷文化旅游有限公司", city, city.equals("350503") ? "丰泽区东海大街1号"
                        : city.equals("350206") ? "湖里区吕岭路100号" : "鼓楼区南后街18号", city.equals("350206") ? "黄店长"
                        : "许经理", city.equals("350206") ? "13806000002" : "13906000004", start, end,
                        BigDecimal.valueOf(city.equals("350206") ? 24 : 80), city.equals("350206") ? "书店暑期促销导购与理货"
                        : "暑期景区游客引导与讲解")));
        CurrentUser counselor = actors.user(k.c.counselorAccount(), Role.COUNSELOR);
        actors.as(counselor, registered.plusDays(1).atTime(9, 30), () -> x.selfArranged().decide(counselor, id,
                true, null));
        if (city.equals("350206")) {
            // in Xiamen the counselor's approval is enough: the counselor records the days the employer confirms
            List<NewWorkRecord> records = new ArrayList<>();
            for (LocalDate d = start; !d.isAfter(end) && records.size() < 3; d = d.plusDays(3)) {
                if (!k.busy.contains(d) && calendar.kindOf(d).isVacation()) {
                    k.busy.add(d);
                    records.add(new NewWorkRecord(k.s.id(), SourceKind.SELF_ARRANGED, id, d, LocalTime.of(9, 0),
                            LocalTime.of(17, 0), EIGHT, "书店暑期促销导购与理货"));
                }
            }
            if (!records.isEmpty()) {
                actors.as(counselor, end.plusDays(2).atTime(16, 0), () -> x.ledger().recordAll(counselor, records));
            }
            return;
        }
        if (!verified) {
            return;
        }
        CurrentUser dean = actors.user(k.c.viceDean(), Role.VICE_DEAN);
        actors.as(dean, registered.plusDays(2).atTime(14, 0), () -> x.selfArranged().decide(dean, id, true, null));
        List<NewWorkRecord> records = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end) && records.size() < 8; d = d.plusDays(2)) {
            if (!k.busy.contains(d) && calendar.kindOf(d).isVacation()) {
                k.busy.add(d);
                records.add(new NewWorkRecord(k.s.id(), SourceKind.SELF_ARRANGED, id, d, LocalTime.of(9, 0),
                        LocalTime.of(17, 0), EIGHT, "景区游客引导与讲解"));
            }
        }
        actors.as(counselor, end.plusDays(3).atTime(16, 0), () -> x.ledger().recordAll(counselor, records));
        actors.as(student, end.plusDays(5).atTime(19, 0), () -> x.selfArranged().uploadCertificate(student, id,
                "实习证明.pdf", PDF));
        actors.as(counselor, end.plusDays(7).atTime(10, 0), () -> x.selfArranged().verifyCertificate(counselor, id,
                true, null));
    }
}
