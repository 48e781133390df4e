package org.workstudy.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.workstudy.awards.AwardRecordForm;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.positions.AnnualPlanForm;
import org.workstudy.positions.AnnualPlans;

/** What the center writes once a year or so: rewards and penalties, and the annual plans. */
final class DemoCenterRecords extends DemoPast {

    DemoCenterRecords(DemoPast past) {
        super(past);
    }

    /**
     * The center's rewards and penalties (奖惩) in the studying cohorts: public praise for the students with the most
     * hours planned, a few penalties in force (no-show, falsified hours: those students drop to "just below" on the
     * award page) and one that has run out (it no longer counts).
     */
    void rewardsAndPenalties() {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        List<Kid> studying = cohorts.entrySet().stream().filter(e -> !graduated(e.getKey())
                        && semesterNow(e.getKey()) >= 2 && semesterNow(e.getKey()) <= 5)
                .flatMap(e -> e.getValue().stream()).filter(k -> k.role.isEmpty())
                .sorted(Comparator.comparing((Kid k) -> k.target).reversed()
                        .thenComparing(k -> k.s.studentNo()))
                .toList();
        if (studying.size() < 12) {
            return;
        }
        LocalDate today = now.toLocalDate();
        for (int i = 0; i < 6; i++) {
            Kid k = studying.get(i * 2);
            LocalDate day = today.minusDays(20L + 9 * i);
            String category = i % 3 == 0 ? "OUTSTANDING" : "PRAISE";
            actors.as(center, day.atTime(10, 0), () -> x.awards().record(center, new AwardRecordForm(
                    k.s.studentNo(), category,
                    "寒暑假期间坚持在岗，用人单位来函表扬", day.toString(), null)));
        }
        // penalties decided in the last finished academic year, so that they count on its evaluation day (31 August)
        LocalDate yearEnd = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 8, 31);
        String[][] penalties = {{"NO_SHOW", "连续两次未按排班到岗，未提前请假", "40", "365"},
                {"FALSIFIED_HOURS", "上报工时与用人单位考勤不符，多报 6 小时", "75", "540"},
                {"NO_SHOW", "开学第一周未到岗", "300", "90"}};
        for (int i = 0; i < penalties.length; i++) {
            Kid k = studying.get(1 + i * 2);
            String[] p = penalties[i];
            LocalDate day = yearEnd.minusDays(Long.parseLong(p[2]));
            actors.as(center, day.atTime(15, 0), () -> x.awards().record(center, new AwardRecordForm(
                    k.s.studentNo(), p[0], p[1], day.toString(), day.plusDays(Long.parseLong(p[3])).toString())));
        }
    }

    // ================================================================== annual plans

    void annualPlans() {
        CurrentUser zhuren = actors.user("zhongxin", Role.CENTER_STAFF);
        int first = cohorts.keySet().stream().min(Integer::compare).orElse(today.getYear());
        String current = x.plans().currentYear();
        int last = AnnualPlans.startYear(current);
        for (int y = first; y <= last; y++) {
            int year = y;
            String academicYear = year + "-" + (year + 1);
            int students = cohorts.entrySet().stream().filter(e -> e.getKey() <= year && e.getKey() > year - 3)
                    .mapToInt(e -> e.getValue().size()).sum();
            AnnualPlanForm form = new AnnualPlanForm(40 + (year - first) * 4, students,
                    BigDecimal.valueOf(students * 120L), new BigDecimal("150"),
                    "按在校生每人每学年约 120 学时安排岗位；困难学生优先安排校内固定岗位。");
            actors.as(zhuren, LocalDate.of(year, 9, 5).atTime(10, 0), () -> x.plans().save(zhuren, academicYear,
                    null, form));
        }
    }
}
