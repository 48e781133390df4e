package org.workstudy.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.workstudy.demo.DemoHistory.SchoolClassInfo;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.placements.ApplyOutcome;
import org.workstudy.placements.PlacementView;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;

/**
 * Placements: every class arranged on its college's campus-service position, the past years' positions filled by
 * application, and today's applications.
 */
final class DemoPlacementHistory extends DemoPast {

    DemoPlacementHistory(DemoPast past) {
        super(past);
    }

    // ================================================================== placements by class arrangement

    /**
     * In its first weeks each class is arranged (统一安排) on its college's campus-service position, run by 后勤处
     * for the whole three years; the college's work-study admin publishes it and places the classes.
     */
    void arrange(int cohort) {
        LocalDate from = semester(cohort, 1);
        LocalDateTime at = from.plusDays(9).atTime(10, 0);
        if (at.isAfter(now)) {
            at = now.minusHours(2);
        }
        Map<Long, List<SchoolClassInfo>> byCollege = new LinkedHashMap<>();
        classes.values().stream().filter(c -> c.cohort() == cohort)
                .forEach(c -> byCollege.computeIfAbsent(c.collegeId(), k -> new ArrayList<>()).add(c));
        String[] titles = {"校园公共区域保洁与绿化养护", "教学楼晚自习巡查与设备报修", "实训室整理与耗材盘点",
            "学生公寓值班与来访登记", "图书馆书库整理与读者引导", "食堂就餐高峰秩序引导与餐具回收"};
        for (Map.Entry<Long, List<SchoolClassInfo>> e : byCollege.entrySet()) {
            SchoolClassInfo first = e.getValue().get(0);
            CurrentUser admin = actors.user(first.collegeAdmin(), Role.COLLEGE_ADMIN);
            int students = e.getValue().stream().mapToInt(c -> kidsOf(c.classId()).size()).sum();
            if (students == 0) {
                continue;
            }
            String title = cohort + "级" + titles[first.collegeIndex() % titles.length] + "（统一安排）";
            LocalDateTime opens = at.minusDays(2);
            long position = actors.as(admin, at.minusDays(3), () -> x.workflow().create(admin, new PositionForm(
                    BankKind.COLLEGE, e.getKey(), 1L, title,
                    "新生入学后由学院统一安排，三年内在课余、周末和寒暑假轮班完成勤工助学学时。岗前由后勤处培训，"
                            + "按排班表签到签退，工时由辅导员按月登记。",
                    PositionType.FIXED, Set.of(TimeKind.WEEKEND, TimeKind.SUMMER_VACATION, TimeKind.WINTER_VACATION,
                            TimeKind.PUBLIC_HOLIDAY), "校内（按排班表）", "350211", students + 5, EIGHT,
                    new BigDecimal("17.00"), from, windowEnd(cohort), opens, opens.plusDays(20),
                    Set.of(e.getKey()), Set.of(cohort), SelectionMode.EMPLOYER_CHOICE,
                    "不从事高空、有毒有害及危险作业；使用清洁设备前须经培训。")));
            actors.as(admin, at.minusDays(3), () -> {
                x.workflow().step(admin, position, PositionAction.SUBMIT, null);
            });
            CurrentUser dean = actors.user(first.viceDean(), Role.VICE_DEAN);
            actors.as(dean, at.minusDays(2).withHour(9), () -> {
                x.workflow().step(dean, position, PositionAction.APPROVE, null);
            });
            actors.as(admin, at.minusDays(2).withHour(11), () -> {
                x.workflow().step(admin, position, PositionAction.PUBLISH, null);
            });
            for (SchoolClassInfo c : e.getValue()) {
                if (kidsOf(c.classId()).isEmpty()) {
                    continue;
                }
                actors.as(admin, at, () -> x.placements().placeClass(admin, position, c.classId()));
            }
            List<Kid> placed = e.getValue().stream().flatMap(c -> kidsOf(c.classId()).stream()).toList();
            Map<Long, List<PlacementView>> placements = x.placements().ofStudents(placed.stream()
                    .map(k -> k.s.id()).toList());
            for (Kid k : placed) {
                k.placement = placements.get(k.s.id()).stream().filter(p -> p.positionId() == position)
                        .mapToLong(PlacementView::id).findFirst().orElseThrow();
            }
        }
    }

    /**
     * Each past school year two positions filled by application: a first-come one (the first four placed at once, the
     * others wait-listed; one placed student withdraws and the first waiting moves up) and one the employer chooses
     * from (three taken, two declined with a reason, one student withdraws). Both close at the end of their year,
     * which cancels whoever is still waiting.
     */
    void pastApplications() {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        int first = cohorts.keySet().stream().min(Integer::compare).orElse(today.getYear());
        int applied = 0;
        for (int year = first; LocalDate.of(year + 1, 7, 10).isBefore(today); year++) {
            int y = year;
            List<Kid> pool = cohorts.entrySet().stream().filter(e -> e.getKey() <= y && e.getKey() > y - 3)
                    .flatMap(e -> e.getValue().stream()).filter(k -> k.role.isEmpty()).toList();
            if (pool.size() < 24) {
                continue;
            }
            Set<Integer> admitted = new TreeSet<>(cohorts.keySet().stream().filter(c -> c <= y && c > y - 3).toList());
            LocalDateTime opens = LocalDate.of(y, 9, 14).atTime(9, 0);
            String yearName = "（" + y + "–" + (y + 1) + "学年）";
            long firstCome = pastPosition(center, "图书馆", "图书馆流通部学生助理" + yearName,
                    "周末在流通部办理借还、整理还书车、引导读者使用自助借还机，先到先得，额满后进入候补。",
                    "图书馆1层流通部", 4, opens, admitted, SelectionMode.FIRST_COME);
            long chosen = pastPosition(center, "学生处", "学生事务大厅咨询" + yearName,
                    "在学生事务服务大厅引导办事、解答证明开具和补办校园卡等常见问题，由学生处面谈后录用。",
                    "学生活动中心1层服务大厅", 3, opens.plusHours(2), admitted, SelectionMode.EMPLOYER_CHOICE);
            List<Long> firstComeIds = new ArrayList<>();
            List<Long> chosenIds = new ArrayList<>();
            List<CurrentUser> firstComeStudents = new ArrayList<>();
            List<CurrentUser> chosenStudents = new ArrayList<>();
            for (int j = 0; j < 12; j++) {
                Kid k = pool.get(Math.floorMod(y * 97 + j * 131, pool.size()));
                CurrentUser student = actors.user(k.s.accountId(), Role.STUDENT);
                long position = j % 2 == 0 ? firstCome : chosen;
                try {
                    ApplyOutcome outcome = actors.as(student, opens.plusHours(3 + j), () -> x.applications()
                            .apply(student, position));
                    (j % 2 == 0 ? firstComeIds : chosenIds).add(outcome.applicationId());
                    (j % 2 == 0 ? firstComeStudents : chosenStudents).add(student);
                    applied++;
                } catch (org.workstudy.shared.BusinessException e) {
                    // not admitted or too many open applications: a real student moves on
                }
            }
            LocalDateTime decided = opens.plusDays(6).withHour(15);
            if (!firstComeIds.isEmpty()) {
                // a placed student gives the place up; the first on the wait-list moves up
                CurrentUser leaves = firstComeStudents.get(0);
                long id = firstComeIds.get(0);
                actors.as(leaves, decided, () -> x.applications().withdraw(leaves, id));
            }
            for (int j = 0; j < chosenIds.size(); j++) {
                long id = chosenIds.get(j);
                if (j == chosenIds.size() - 1 && j >= 3) {
                    CurrentUser withdraws = chosenStudents.get(j);
                    actors.as(withdraws, decided.minusDays(2), () -> x.applications().withdraw(withdraws, id));
                    continue;
                }
                boolean accept = j < 3;
                actors.as(center, decided.plusHours(1), () -> x.applications().decide(center, id, accept,
                        accept ? null : "面谈后择优录用，本学期名额已满，欢迎关注其他岗位"));
            }
            LocalDateTime closes = LocalDate.of(y + 1, 7, 5).atTime(17, 0);
            for (long position : List.of(firstCome, chosen)) {
                actors.as(center, closes, () -> x.workflow().step(center, position, PositionAction.CLOSE, null));
            }
        }
        figures.put("applications-past", applied);
    }

    long pastPosition(CurrentUser center, String employer, String title, String description, String place,
            int capacity, LocalDateTime opens, Set<Integer> cohorts, SelectionMode mode) {
        LocalDate workFrom = opens.toLocalDate().plusDays(20);
        LocalDate workTo = LocalDate.of(opens.getYear() + 1, 6, 30);
        long position = actors.as(center, opens.minusDays(2), () -> x.workflow().create(center, new PositionForm(
                BankKind.SCHOOL, null, employer(employer), title, description, PositionType.FIXED,
                Set.of(TimeKind.WEEKEND), place, "350211", capacity, new BigDecimal("4"), new BigDecimal("18.00"),
                workFrom, workTo, opens, opens.plusDays(12), Set.of(), cohorts, mode,
                "按排班表到岗，离岗须向带班老师报备。")));
        actors.as(center, opens.minusDays(2).plusHours(1), () -> {
            x.workflow().step(center, position, PositionAction.SUBMIT, null);
            x.workflow().step(center, position, PositionAction.APPROVE, null);
            x.workflow().step(center, position, PositionAction.PUBLISH, null);
        });
        return position;
    }

    // ================================================================== today's applications

    /**
     * Students of the cohorts still at school apply to today's open positions (run at the real time, after
     * today's positions are published): first-come positions fill and wait-list, the others wait for the employer,
     * who has taken some and turned some down.
     */
    void applications() {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        List<org.workstudy.positions.PositionView> open = x.workflow().search(center, new org.workstudy.positions
                .PositionQuery(null, null, null, org.workstudy.positions.PositionStatus.PUBLISHED, null, null, null,
                null, true), 0, 100).items().stream()
                .filter(p -> !p.title().startsWith(org.workstudy.positions.PositionsSeed.RUSH_TITLE)).toList();
        List<Kid> atSchool = cohorts.entrySet().stream().filter(e -> !graduated(e.getKey()))
                .flatMap(e -> e.getValue().stream()).filter(k -> k.role.isEmpty() || k.role.equals("behind"))
                .toList();
        int applied = 0;
        for (int i = 0; i < open.size(); i++) {
            org.workstudy.positions.PositionView p = open.get(i);
            int wanted = Math.min(atSchool.size(), p.capacity() + 2 + i % 4);
            List<Long> pending = new ArrayList<>();
            for (int j = 0; j < wanted * 3 && pending.size() + 0 < wanted; j++) {
                Kid k = atSchool.get(Math.floorMod(i * 131 + j * 17, atSchool.size()));
                CurrentUser student = actors.user(k.s.accountId(), Role.STUDENT);
                try {
                    ApplyOutcome outcome = actors.now(student, () -> x.applications().apply(student, p.id()));
                    if (!outcome.repeated()) {
                        applied++;
                        pending.add(outcome.applicationId());
                    }
                } catch (org.workstudy.shared.BusinessException e) {
                    // not eligible (college, cohort) or five open applications already: a real student moves on
                }
            }
            if (p.selectionMode() == SelectionMode.EMPLOYER_CHOICE && !pending.isEmpty()) {
                // the employer has looked at the first few: two taken, one turned down
                for (int j = 0; j < Math.min(3, pending.size()) && i % 2 == 0; j++) {
                    long id = pending.get(j);
                    boolean accept = j < 2;
                    try {
                        actors.now(center, () -> {
                            x.applications().decide(center, id, accept, accept ? null : "该时段已排满，欢迎报名其他岗位");
                            return null;
                        });
                    } catch (org.workstudy.shared.BusinessException e) {
                        // full already
                    }
                }
            }
        }
        figures.put("applications-today", applied);
    }
}
