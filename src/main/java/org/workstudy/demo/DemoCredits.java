package org.workstudy.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workstudy.credits.ExemptionKind;
import org.workstudy.demo.DemoHistory.SchoolClassInfo;
import org.workstudy.exemptions.ExemptionForm;
import org.workstudy.exemptions.ExemptionReason;
import org.workstudy.exemptions.ExemptionUpload;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.quality.QualityCredits;

import cn.idev.excel.FastExcel;

/**
 * Credits other than hours and the lists that recognise them: exemptions and offsets through their notice, the
 * Youth League's quality credits, and each college's recognition list through the joint approval.
 */
final class DemoCredits extends DemoPast {

    DemoCredits(DemoPast past) {
        super(past);
    }

    // ================================================================== quality credits

    /** The Youth League's quality-development credits, imported each September by the center. */
    void qualityCredits() {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        for (int cohort : cohorts.keySet()) {
            if (semesterNow(cohort) < 3) {
                continue;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Kid k : cohorts.get(cohort)) {
                boolean offsets = k.role.startsWith("offset");
                BigDecimal credits = offsets ? new BigDecimal("2.50")
                        : BigDecimal.valueOf(k.random.nextInt(16), 1);
                rows.add(List.of(k.s.studentNo(), k.s.name(), credits.toPlainString(), offsets ? "省级技能大赛二等奖" : ""));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FastExcel.write(out).head(QualityCredits.COLUMNS.stream().map(List::of).toList()).sheet("素质拓展学分")
                    .doWrite(rows);
            LocalDateTime at = semester(cohort, 5).plusDays(14).atTime(15, 0);
            if (at.isAfter(now)) {
                at = semester(cohort, 3).plusDays(14).atTime(15, 0);
            }
            String name = cohort + "级素质拓展学分（团委" + at.getYear() + "年" + at.getMonthValue() + "月）.xlsx";
            actors.as(center, at, () -> x.quality().importFile(center, name, new ByteArrayInputStream(
                    out.toByteArray())));
        }
    }

    /**
     * Each college's vice dean submits the qualifying students; academic affairs and the center director approve
     * (the second approval publishes the notice); with {@code finalise} the notice runs its course.
     */
    List<Long> recognise(int cohort, LocalDate on, boolean finalise, Set<Long> onlyColleges) {
        List<Long> ids = new ArrayList<>();
        Map<Long, SchoolClassInfo> colleges = new LinkedHashMap<>();
        classes.values().stream().filter(c -> c.cohort() == cohort).forEach(c -> colleges.putIfAbsent(c.collegeId(), c));
        CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
        CurrentUser zhuren = actors.user("zhuren", Role.CENTER_DIRECTOR);
        for (SchoolClassInfo c : colleges.values()) {
            if (!onlyColleges.isEmpty() && !onlyColleges.contains(c.collegeId())) {
                continue;
            }
            CurrentUser dean = actors.user(c.viceDean(), Role.VICE_DEAN);
            if (!x.recognitions().hasQualifying(dean, c.collegeId(), cohort)) {
                continue;
            }
            long id = actors.as(dean, on.atTime(9, 30), () -> x.recognitions().submit(dean, c.collegeId(), cohort));
            ids.add(id);
            if (finalise) {
                actors.as(jiaowu, on.plusDays(1).atTime(10, 0), () -> x.recognitions().decide(jiaowu, id, true, null));
                actors.as(zhuren, on.plusDays(2).atTime(15, 0), () -> x.recognitions().decide(zhuren, id, true, null));
            }
        }
        if (finalise) {
            LocalDate end = on.plusDays(30);
            actors.at(end.atTime(0, 10), () -> x.notices().finalizeDue(end));
        }
        return ids;
    }

    // ================================================================== exemptions

    /** A student's application taken to {@code state}: submitted, director, returned, granted, rejected, withdrawn. */
    long exemption(Kid k, LocalDate on, ExemptionKind kind, String state) {
        CurrentUser student = actors.user(k.s.accountId(), Role.STUDENT);
        String reason = kind == ExemptionKind.EXEMPT
                ? "本人患有先天性心脏病，医院建议避免体力劳动，附三甲医院诊断证明和学院证明。"
                : "在校期间获省级职业技能大赛二等奖，申请以素质拓展学分抵扣勤工助学学时。";
        long id = actors.as(student, on.atTime(20, 15), () -> x.exemptions().apply(student, new ExemptionForm(kind,
                kind == ExemptionKind.EXEMPT ? ExemptionReason.DISABILITY : ExemptionReason.OTHER, reason,
                kind == ExemptionKind.OFFSET ? new BigDecimal("2") : null),
                List.of(new ExemptionUpload(kind == ExemptionKind.EXEMPT ? "诊断证明.pdf" : "获奖证书.pdf", PDF))));
        if (state.equals("submitted")) {
            return id;
        }
        if (state.equals("withdrawn")) {
            actors.as(student, on.plusDays(1).atTime(12, 0), () -> x.exemptions().withdraw(student, id));
            return id;
        }
        CurrentUser counselor = actors.user(k.c.counselorAccount(), Role.COUNSELOR);
        boolean returned = state.equals("returned");
        actors.as(counselor, on.plusDays(2).atTime(10, 0), () -> x.exemptions().decide(counselor, id, !returned,
                returned ? "诊断证明缺少医院盖章，请补充后重新提交。" : "情况属实，同意。"));
        if (returned || state.equals("director")) {
            return id;
        }
        CurrentUser zhuren = actors.user("zhuren", Role.CENTER_DIRECTOR);
        boolean rejected = state.equals("rejected");
        actors.as(zhuren, on.plusDays(4).atTime(11, 0), () -> x.exemptions().decide(zhuren, id, !rejected,
                rejected ? "所附材料不属于免修情形，可申请抵扣或按计划完成学时。" : null));
        return id;
    }

    /** The director publishes granted applications; with {@code finalise} their notice runs its course. */
    void publishExemptions(List<Long> ids, LocalDateTime at, boolean finalise) {
        CurrentUser zhuren = actors.user("zhuren", Role.CENTER_DIRECTOR);
        actors.as(zhuren, at, () -> x.exemptions().publish(zhuren, ids));
        if (finalise) {
            LocalDate end = at.toLocalDate().plusDays(20);
            actors.at(end.atTime(0, 10), () -> x.notices().finalizeDue(end));
        }
    }
}
