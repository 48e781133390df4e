package org.workstudy.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workstudy.awards.AwardRecordForm;
import org.workstudy.awards.AwardRecords;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.CalendarSnapshot;
import org.workstudy.calendar.DayKind;
import org.workstudy.exemptions.ExemptionForm;
import org.workstudy.credits.ExemptionKind;
import org.workstudy.exemptions.ExemptionReason;
import org.workstudy.exemptions.ExemptionUpload;
import org.workstudy.exemptions.Exemptions;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.notices.NoticeSummary;
import org.workstudy.recognition.Recognitions;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.NewWorkRecord;
import org.workstudy.hours.RecordStatus;
import org.workstudy.hours.SourceKind;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.NewStatusChange;
import org.workstudy.organization.StatusChangeKind;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentStatus;
import org.workstudy.pay.PaySheets;
import org.workstudy.placements.Applications;
import org.workstudy.placements.ApplyOutcome;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.placements.SelfArrangedForm;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.positions.AnnualPlanForm;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.positions.BankKind;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionAction;
import org.workstudy.positions.PositionForm;
import org.workstudy.positions.PositionType;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.positions.SelectionMode;
import org.workstudy.positions.TimeKind;
import org.workstudy.quality.QualityCredits;
import org.workstudy.shared.TermCode;

import cn.idev.excel.FastExcel;

/**
 * The demo school's past, written from its first autumn up to today through the modules' own services, each action
 * as the person who would have taken it and dated when they would have: arranged placements for every class,
 * positions students applied to, hours recorded by counselors and employers and reported by students, the
 * graduated cohorts' joint recognition, notices and deferrals, exemptions and offsets, self-arranged work, quality
 * credits and annual plans. Deterministic: the same school and the same day give the same history.
 */
final class DemoHistory {

    static final long SEED = 20_221_001L;
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final BigDecimal EIGHT = new BigDecimal("8");
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** What the loader tells the history about the school it built. */
    record SchoolClassInfo(long classId, int cohort, long collegeId, int collegeIndex, long counselorAccount,
            String collegeAdmin, String viceDean) {
    }

    /** The services the history goes through. */
    record Services(AcademicCalendar calendar, PositionWorkflow workflow, Employers employers,
            Placements placements, Applications applications, HoursLedger ledger, SelfArrangedWork selfArranged,
            Exemptions exemptions, QualityCredits quality, Recognitions recognitions, NoticeBoard notices,
            GraduationAudit graduation, AnnualPlans plans, StatusHistory status, PaySheets pay, AwardRecords awards) {
    }

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
            this.random = new Random(SEED * 31 + s.studentNo().hashCode());
        }
    }

    private final Services x;
    private final DemoActors actors;
    private final LocalDateTime now;
    private final LocalDate today;
    private final CalendarSnapshot calendar;
    private final Map<Integer, List<Kid>> cohorts = new TreeMap<>();
    private final Map<Long, SchoolClassInfo> classes = new LinkedHashMap<>();
    /** The demo people by what they show: see the README's demo accounts. */
    final Map<String, Student> people = new LinkedHashMap<>();
    final Map<String, Integer> figures = new LinkedHashMap<>();
    /** The staff to sign in as beside the demo students (usernames), for the README's paths. */
    final Map<String, String> staff = new LinkedHashMap<>();

    DemoHistory(Services services, DemoActors actors, LocalDateTime now, List<SchoolClassInfo> classes,
            Map<Long, List<Student>> studentsByClass) {
        this.x = services;
        this.actors = actors;
        this.now = now;
        this.today = now.toLocalDate();
        this.calendar = services.calendar().snapshot();
        for (SchoolClassInfo c : classes) {
            this.classes.put(c.classId(), c);
            for (Student s : studentsByClass.getOrDefault(c.classId(), List.of())) {
                cohorts.computeIfAbsent(c.cohort(), k -> new ArrayList<>()).add(new Kid(s, c));
            }
        }
        cohorts.values().forEach(l -> l.sort(Comparator.comparing(k -> k.s.studentNo())));
    }

    // ================================================================== the cohorts by the calendar

    private static TermCode enrolment(int cohort) {
        return TermCode.parse(cohort + "-" + (cohort + 1) + "-1");
    }

    private LocalDate semester(int cohort, int n) {
        return calendar.semesterStart(enrolment(cohort), n).orElseThrow();
    }

    /** Three years over: the sixth semester has ended (the seventh would have begun). */
    private boolean graduated(int cohort) {
        return !semester(cohort, 7).isAfter(today);
    }

    private LocalDate windowEnd(int cohort) {
        return semester(cohort, 6).minusDays(1);
    }

    /** Which semester the cohort is in today (1–6), 7 once graduated. */
    private int semesterNow(int cohort) {
        for (int n = 1; n <= 6; n++) {
            if (semester(cohort, n + 1).isAfter(today)) {
                return n;
            }
        }
        return 7;
    }

    // ================================================================== the whole history

    void load() {
        int latestGraduated = plan();
        int fifth = cohorts.keySet().stream().filter(c -> semesterNow(c) == 5).findFirst().orElse(0);
        timed("arranged placements", () -> cohorts.keySet().forEach(this::arrange));
        timed("past applications", this::pastApplications);
        timed("quality credits", this::qualityCredits);
        timed("hours", () -> cohorts.keySet().forEach(this::hours));
        timed("graduation", () -> cohorts.keySet().stream().filter(this::graduated)
                .forEach(c -> graduate(c, c == latestGraduated)));
        if (fifth != 0) {
            timed("fifth semester", () -> fifthSemester(fifth));
        }
        timed("annual plans", this::annualPlans);
        timed("pay", () -> new DemoPay(x.pay(), actors, now).load());
        timed("rewards and penalties", this::rewardsAndPenalties);
    }

    /**
     * The center's rewards and penalties (奖惩) in the studying cohorts: public praise for the students with the most
     * hours planned, a few penalties in force (no-show, falsified hours: those students drop to "just below" on the
     * award page) and one that has run out (it no longer counts).
     */
    private void rewardsAndPenalties() {
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

    /** Decides each student's role and hours from the seed; returns the latest graduated cohort (0: none). */
    private int plan() {
        int latestGraduated = cohorts.keySet().stream().filter(this::graduated).max(Integer::compare).orElse(0);
        int fifth = cohorts.keySet().stream().filter(c -> semesterNow(c) == 5).findFirst().orElse(0);
        for (Map.Entry<Integer, List<Kid>> e : cohorts.entrySet()) {
            assignTargets(e.getKey(), e.getValue(), e.getKey() == latestGraduated, e.getKey() == fifth);
        }
        return latestGraduated;
    }

    /** What the seed decides, without writing anything: 学号 → role and target hours (for the determinism test). */
    Map<String, String> planOnly() {
        plan();
        Map<String, String> out = new TreeMap<>();
        cohorts.values().forEach(l -> l.forEach(k -> out.put(k.s.studentNo(), k.role + " " + k.target)));
        return out;
    }

    private void timed(String phase, Runnable work) {
        long start = System.nanoTime();
        work.run();
        log.info("Demo history: {} in {} ms", phase, (System.nanoTime() - start) / 1_000_000);
    }

    // ================================================================== targets

    private void assignTargets(int cohort, List<Kid> kids, boolean latestGraduated, boolean fifth) {
        int semester = semesterNow(cohort);
        for (int i = 0; i < kids.size(); i++) {
            Kid k = kids.get(i);
            Random r = k.random;
            double h;
            if (semester >= 6) {
                h = 360 + r.nextInt(9) * 4;
            } else if (semester == 5) {
                int band = r.nextInt(100);
                h = band < 22 ? 360 + r.nextInt(5) * 8 : band < 70 ? 272 + r.nextInt(11) * 8
                        : band < 92 ? 160 + r.nextInt(14) * 8 : r.nextInt(9) * 8;
            } else {
                // what the semesters so far allow, at a realistic pace: about 70 hours a semester, spread widely
                double pace = 40 + r.nextInt(60);
                h = Math.max(0, (semester - 1) * pace + r.nextInt(4) * 8 - 8);
            }
            k.target = BigDecimal.valueOf(h);
        }
        // the special roles: spread over the cohort's classes, the same students every time
        if (semester >= 6) {
            role(kids, 3, "exempt", BigDecimal.valueOf(40));
            role(kids, 5, "offset", BigDecimal.valueOf(120));
            if (latestGraduated) {
                int deficient = Math.max(4, kids.size() / 100);
                for (int d = 0; d < deficient; d++) {
                    role(kids, 11 + d * 17, d == 0 ? "released" : d == 1 ? "makeup" : "deferred",
                            BigDecimal.valueOf(250 + d * 16));
                }
                role(kids, 7, "graduate", BigDecimal.valueOf(376));
            }
        }
        if (fifth) {
            role(kids, 2, "complete", BigDecimal.valueOf(368));
            role(kids, 4, "behind", BigDecimal.valueOf(136));
            role(kids, 6, "at-risk", BigDecimal.valueOf(16));
            role(kids, 8, "out-of-city-waiting", BigDecimal.valueOf(232));
            role(kids, 10, "out-of-city-verified", BigDecimal.valueOf(248));
            role(kids, 12, "exemption-in-notice", BigDecimal.valueOf(24));
            role(kids, 14, "exemption-submitted", BigDecimal.valueOf(32));
            role(kids, 16, "exemption-director", BigDecimal.valueOf(48));
            role(kids, 18, "exemption-returned", BigDecimal.valueOf(40));
            role(kids, 20, "exemption-rejected", BigDecimal.valueOf(200));
            role(kids, 22, "exemption-withdrawn", BigDecimal.valueOf(180));
            role(kids, 24, "offset-final", BigDecimal.valueOf(96));
            role(kids, 26, "objector", BigDecimal.valueOf(300));
            role(kids, 28, "in-city", BigDecimal.valueOf(240));
        }
    }

    private void role(List<Kid> kids, int index, String role, BigDecimal target) {
        Kid k = kids.get(Math.floorMod(index * 7919, kids.size()));
        for (int step = 0; !k.role.isEmpty(); step++) {
            k = kids.get(Math.floorMod(index * 7919 + step + 1, kids.size()));
        }
        k.role = role;
        k.target = target;
    }

    private List<Kid> withRole(int cohort, Predicate<String> role) {
        return cohorts.getOrDefault(cohort, List.of()).stream().filter(k -> role.test(k.role)).toList();
    }

    private Optional<Kid> one(int cohort, String role) {
        return withRole(cohort, role::equals).stream().findFirst();
    }

    // ================================================================== placements by class arrangement

    /**
     * In its first weeks each class is arranged (统一安排) on its college's campus-service position, run by 后勤处
     * for the whole three years; the college's work-study admin publishes it and places the classes.
     */
    private void arrange(int cohort) {
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

    private List<Kid> kidsOf(long classId) {
        SchoolClassInfo c = classes.get(classId);
        return cohorts.getOrDefault(c.cohort(), List.of()).stream().filter(k -> k.c.classId() == classId).toList();
    }

    // ================================================================== hours

    /**
     * Each student's hours: 8 on a term Saturday (the term-time week cap) and 8 on vacation days, on days spread over
     * the semesters so far, up to their target; the counselor records a month's hours on its last day, or (one class
     * in three) a quarter's early the month after — late for assessment's registers-on-time figure.
     */
    private void hours(int cohort) {
        LocalDate from = semester(cohort, 1);
        LocalDate until = windowEnd(cohort).isBefore(today.minusDays(1)) ? windowEnd(cohort) : today.minusDays(1);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            DayKind kind = calendar.kindOf(d);
            if ((kind == DayKind.WEEKEND && d.getDayOfWeek() == DayOfWeek.SATURDAY) || kind.isVacation()) {
                days.add(d);
            }
        }
        Map<Long, TreeMap<YearMonth, List<NewWorkRecord>>> byClass = new LinkedHashMap<>();
        int records = 0;
        for (Kid k : cohorts.get(cohort)) {
            List<NewWorkRecord> mine = plan(k, days, k.target);
            records += mine.size();
            TreeMap<YearMonth, List<NewWorkRecord>> months = byClass.computeIfAbsent(k.c.classId(),
                    c -> new TreeMap<>());
            // most counselors record each month's hours on its last day (on time for assessment); one class in
            // three records a quarter at a time, early the month after, from the attendance sheets the employer sends
            boolean quarterly = k.c.classId() % 3 == 0;
            mine.forEach(r -> months.computeIfAbsent(quarterly ? quarter(r.workDate()) : YearMonth.from(r.workDate()),
                    m -> new ArrayList<>()).add(r));
        }
        byClass.forEach((classId, months) -> {
            CurrentUser counselor = actors.user(classes.get(classId).counselorAccount(), Role.COUNSELOR);
            boolean quarterly = classId % 3 == 0;
            months.forEach((month, list) -> {
                LocalDateTime at = quarterly ? month.plusMonths(1).atDay(3).atTime(16, 30)
                        : month.atEndOfMonth().atTime(20, 30);
                if (quarterly && at.isAfter(now)) {
                    // the running quarter's sheets have not come yet: entering it all "now" would put months of
                    // late hours into the open month (登记及时率 0 % early in a month), so its months go on time
                    onTime(counselor, list);
                    return;
                }
                if (at.isAfter(now)) {
                    at = now.minusHours(3);
                }
                actors.as(counselor, at, () -> x.ledger().recordAll(counselor, list));
            });
        });
        figures.merge("records", records, Integer::sum);
    }

    /** Records each month's hours on its last day (the open month's a few hours ago). */
    private void onTime(CurrentUser counselor, List<NewWorkRecord> records) {
        TreeMap<YearMonth, List<NewWorkRecord>> byMonth = new TreeMap<>();
        records.forEach(r -> byMonth.computeIfAbsent(YearMonth.from(r.workDate()), m -> new ArrayList<>()).add(r));
        byMonth.forEach((month, list) -> {
            LocalDateTime at = month.atEndOfMonth().atTime(20, 30);
            LocalDateTime when = at.isAfter(now) ? now.minusHours(3) : at;
            actors.as(counselor, when, () -> x.ledger().recordAll(counselor, list));
        });
    }

    private static YearMonth quarter(LocalDate d) {
        return YearMonth.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 3);
    }

    private static final String[] CONTENT = {"公共区域保洁", "绿化带修剪与浇水", "教学楼设备巡查", "实训室整理",
        "图书上架与整架", "就餐秩序引导", "迎新物资搬运", "运动会场地布置", "宿舍楼来访登记", "招生咨询资料装袋"};

    /** Records of {@code target} hours on days spread over {@code days}, avoiding the student's busy days. */
    private List<NewWorkRecord> plan(Kid k, List<LocalDate> days, BigDecimal target) {
        List<NewWorkRecord> out = new ArrayList<>();
        int n = target.divide(EIGHT, 0, java.math.RoundingMode.CEILING).intValue();
        if (n == 0 || days.isEmpty()) {
            return out;
        }
        BigDecimal left = target;
        double step = (double) days.size() / Math.min(n, days.size());
        int last = -1;
        for (int j = 0; j < n && left.signum() > 0; j++) {
            int index = Math.max(last + 1, (int) Math.floor((j + k.random.nextDouble()) * step));
            while (index < days.size() && k.busy.contains(days.get(index))) {
                index++;
            }
            if (index >= days.size()) {
                break;
            }
            last = index;
            LocalDate d = days.get(index);
            BigDecimal h = left.min(EIGHT);
            k.busy.add(d);
            out.add(new NewWorkRecord(k.s.id(), SourceKind.PLACEMENT, k.placement, d, LocalTime.of(8, 30),
                    LocalTime.of(8, 30).plusMinutes(h.multiply(BigDecimal.valueOf(60)).longValue()).plusMinutes(0),
                    h, CONTENT[k.random.nextInt(CONTENT.length)]));
            left = left.subtract(h);
        }
        return out;
    }

    // ================================================================== quality credits

    /** The Youth League's quality-development credits, imported each September by the center. */
    private void qualityCredits() {
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

    // ================================================================== graduated cohorts

    private void graduate(int cohort, boolean latest) {
        // exemptions and offsets in the fifth semester, made final through their notice
        LocalDate fifth = semester(cohort, 5);
        List<Long> granted = new ArrayList<>();
        for (Kid k : withRole(cohort, r -> r.equals("exempt") || r.equals("offset"))) {
            granted.add(exemption(k, fifth.plusDays(20), k.role.equals("exempt") ? ExemptionKind.EXEMPT
                    : ExemptionKind.OFFSET, "granted"));
        }
        if (!granted.isEmpty()) {
            publishExemptions(granted, fifth.plusDays(40).atTime(9, 0), true);
        }
        // the joint recognition of each college's list after the window, and its notice made final
        LocalDate after = semester(cohort, 6).plusDays(30);
        recognise(cohort, after, true, Set.of());
        // the audit: who is still short is deferred, and the rest graduate
        LocalDate audit = semester(cohort, 6).plusMonths(4).withDayOfMonth(10);
        CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
        List<Kid> deficient = withRole(cohort, r -> r.equals("released") || r.equals("makeup")
                || r.equals("deferred"));
        if (!deficient.isEmpty()) {
            actors.as(jiaowu, audit.atTime(10, 0), () -> x.graduation().defer(jiaowu, cohort, null,
                    deficient.stream().map(k -> k.s.id()).toList()));
        }
        LocalDate graduation = audit.plusDays(10);
        CurrentUser admin = actors.user("admin", Role.ADMIN);
        List<NewStatusChange> graduates = cohorts.get(cohort).stream().filter(k -> !deficient.contains(k))
                .map(k -> graduate(k, graduation)).toList();
        actors.as(admin, graduation.atTime(9, 0), () -> x.status().recordAll(admin, graduates));
        figures.put("graduated-" + cohort, cohorts.get(cohort).size() - deficient.size());
        if (latest) {
            makeUp(cohort, deficient, audit.plusDays(1));
            one(cohort, "graduate").ifPresent(k -> people.put("graduate", k.s));
        }
    }

    /** The deferred students are placed on the library's summer shifts; one has made up everything, one half. */
    private void makeUp(int cohort, List<Kid> deficient, LocalDate start) {
        if (deficient.isEmpty()) {
            return;
        }
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        LocalDateTime at = start.atTime(9, 0);
        long position = actors.as(center, at, () -> x.workflow().create(center, new PositionForm(BankKind.SCHOOL,
                null, employer("图书馆"), cohort + "级补修：图书馆暑期闭馆整理",
                "面向暂缓毕业学生的补修岗位：暑期闭馆期间剔旧、倒架、修补破损图书，按日签到。",
                PositionType.PROJECT, Set.of(TimeKind.SUMMER_VACATION, TimeKind.WEEKEND, TimeKind.WINTER_VACATION),
                "图书馆3-5层书库", "350211", deficient.size() + 2, EIGHT, new BigDecimal("18.00"), start,
                start.plusMonths(8), at.minusHours(1), at.plusDays(30), Set.of(), Set.of(cohort),
                SelectionMode.EMPLOYER_CHOICE, "搬运书籍注意腰部保护，登高取书须使用书梯。")));
        actors.as(center, at, () -> {
            x.workflow().step(center, position, PositionAction.SUBMIT, null);
            x.workflow().step(center, position, PositionAction.APPROVE, null);
            x.workflow().step(center, position, PositionAction.PUBLISH, null);
            x.placements().place(center, position, deficient.stream().map(k -> k.s.id()).toList());
        });
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = start.plusDays(1); d.isBefore(start.plusMonths(8)) && d.isBefore(today); d = d.plusDays(1)) {
            DayKind kind = calendar.kindOf(d);
            if (kind.isVacation() || (kind == DayKind.WEEKEND && d.getDayOfWeek() == DayOfWeek.SATURDAY)) {
                days.add(d);
            }
        }
        for (Kid k : deficient) {
            k.placement = x.placements().ofStudent(k.s.id()).stream().filter(p -> p.positionId() == position)
                    .mapToLong(PlacementView::id).findFirst().orElseThrow();
            BigDecimal missing = BigDecimal.valueOf(360).subtract(k.target);
            BigDecimal hours = k.role.equals("released") ? missing
                    : k.role.equals("makeup") ? missing.divide(BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.DOWN)
                    : BigDecimal.valueOf(8 * (k.random.nextInt(3)));
            List<NewWorkRecord> records = plan(k, days.subList(0, Math.min(days.size(), 40)), hours);
            if (records.isEmpty()) {
                continue;
            }
            CurrentUser counselor = actors.user(k.c.counselorAccount(), Role.COUNSELOR);
            LocalDate lastDay = records.get(records.size() - 1).workDate();
            actors.as(counselor, lastDay.plusDays(1).atTime(17, 0), () -> x.ledger().recordAll(counselor, records));
        }
        one(cohort, "makeup").ifPresent(k -> people.put("deferred-make-up", k.s));
        one(cohort, "released").ifPresent(k -> {
            people.put("released", k.s);
            releasedGraduates(cohort, k);
        });
        figures.put("deferred-" + cohort, deficient.size());
    }

    /**
     * The released student: academic affairs' recheck after the last make-up day (the release itself happened when
     * those hours counted), then their college's list with them alone (basis MAKE_UP) through the joint approval and
     * its notice, and they graduate.
     */
    private void releasedGraduates(int cohort, Kid k) {
        CurrentUser counselor = actors.user(k.c.counselorAccount(), Role.COUNSELOR);
        LocalDate lastDay = x.ledger().ofStudent(counselor, k.s.id()).stream().map(WorkRecordView::workDate)
                .max(Comparator.naturalOrder()).orElse(null);
        if (lastDay == null) {
            return;
        }
        LocalDate recheck = lastDay.plusDays(5);
        LocalDate on = workingDaysBefore(recheck.plusDays(12), 0);
        if (!on.plusDays(45).isBefore(today)) {
            return; // too recent: the list would still be on its way
        }
        CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
        actors.as(jiaowu, recheck.atTime(10, 0), () -> x.graduation().recheck(jiaowu, cohort));
        recognise(cohort, on, true, Set.of(k.c.collegeId()));
        CurrentUser admin = actors.user("admin", Role.ADMIN);
        actors.as(admin, on.plusDays(40).atTime(9, 0), () -> x.status().record(admin, graduate(k, on.plusDays(40))));
        figures.merge("graduated-" + cohort, 1, Integer::sum);
    }

    /**
     * Each past school year two positions filled by application: a first-come one (the first four placed at once, the
     * others wait-listed; one placed student withdraws and the first waiting moves up) and one the employer chooses
     * from (three taken, two declined with a reason, one student withdraws). Both close at the end of their year,
     * which cancels whoever is still waiting.
     */
    private void pastApplications() {
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

    /** 毕业 as the 学籍异动 it is (the account closes; the register keeps the student's hours). */
    private static NewStatusChange graduate(Kid k, LocalDate on) {
        return new NewStatusChange(k.s.id(), StatusChangeKind.GRADUATE, on, null, null, "毕业");
    }

    private long pastPosition(CurrentUser center, String employer, String title, String description, String place,
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

    /**
     * Each college's vice dean submits the qualifying students; academic affairs and the center director approve
     * (the second approval publishes the notice); with {@code finalise} the notice runs its course.
     */
    private List<Long> recognise(int cohort, LocalDate on, boolean finalise, Set<Long> onlyColleges) {
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
            if (x.recognitions().proposal(dean, c.collegeId(), cohort).qualifying().isEmpty()) {
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
    private long exemption(Kid k, LocalDate on, ExemptionKind kind, String state) {
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
    private void publishExemptions(List<Long> ids, LocalDateTime at, boolean finalise) {
        CurrentUser zhuren = actors.user("zhuren", Role.CENTER_DIRECTOR);
        actors.as(zhuren, at, () -> x.exemptions().publish(zhuren, ids));
        if (finalise) {
            LocalDate end = at.toLocalDate().plusDays(20);
            actors.at(end.atTime(0, 10), () -> x.notices().finalizeDue(end));
        }
    }

    // ================================================================== the fifth semester

    private void fifthSemester(int cohort) {
        LocalDate recent = workingDaysBefore(today, 2);
        // exemptions and offsets in every state
        one(cohort, "offset-final").ifPresent(k -> {
            long id = exemption(k, semester(cohort, 5).plusDays(15), ExemptionKind.OFFSET, "granted");
            publishExemptions(List.of(id), semester(cohort, 5).plusDays(22).atTime(9, 0), true);
        });
        for (String state : List.of("submitted", "director", "returned", "rejected", "withdrawn")) {
            one(cohort, "exemption-" + state).ifPresent(k -> {
                exemption(k, workingDaysBefore(today, 8), ExemptionKind.EXEMPT, state);
                people.put("exemption-" + state, k.s);
            });
        }
        one(cohort, "exemption-in-notice").ifPresent(k -> {
            long id = exemption(k, workingDaysBefore(recent, 6), ExemptionKind.EXEMPT, "granted");
            publishExemptions(List.of(id), recent.atTime(9, 0), false);
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
            List<Long> waiting = recognise(cohort, workingDaysBefore(today, 3), false, Set.of(colleges.get(0)));
            CurrentUser jiaowu = actors.user("jiaowu", Role.ACADEMIC_AFFAIRS);
            waiting.forEach(id -> actors.as(jiaowu, now.minusDays(1), () -> x.recognitions().decide(jiaowu, id,
                    true, null)));
            List<Long> inNotice = recognise(cohort, workingDaysBefore(today, 4), false, Set.of(colleges.get(1)));
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
        recentHours(cohort);
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

    /** Recent weeks of one class: an employer's records waiting, a student's report waiting, a correction, a void. */
    private void recentHours(int cohort) {
        Kid complete = one(cohort, "complete").orElse(null);
        Kid behind = one(cohort, "behind").orElse(null);
        if (behind == null) {
            return;
        }
        CurrentUser counselor = actors.user(behind.c.counselorAccount(), Role.COUNSELOR);
        CurrentUser student = actors.user(behind.s.accountId(), Role.STUDENT);
        CurrentUser employer = actors.user("yongren", Role.EMPLOYER);
        List<LocalDate> saturdays = new ArrayList<>();
        for (LocalDate d = today.minusDays(1); saturdays.size() < 3 && d.isAfter(today.minusDays(40)); d = d.minusDays(1)) {
            if (calendar.kindOf(d) == DayKind.WEEKEND && d.getDayOfWeek() == DayOfWeek.SUNDAY
                    && !behind.busy.contains(d.minusDays(1)) && !behind.busy.contains(d)) {
                saturdays.add(d);
            }
        }
        for (LocalDate d : saturdays) {
            behind.busy.add(d);
        }
        if (saturdays.size() < 3) {
            return;
        }
        // the employer (后勤处) records a Sunday: it waits for the counselor
        actors.as(employer, saturdays.get(0).plusDays(1).atTime(17, 0), () -> x.ledger().record(employer,
                new NewWorkRecord(behind.s.id(), SourceKind.PLACEMENT, behind.placement, saturdays.get(0),
                        LocalTime.of(9, 0), LocalTime.of(13, 0), null, "体育馆看台清扫")));
        // the student reports one: it waits for confirmation too
        actors.as(student, saturdays.get(1).atTime(20, 0), () -> x.ledger().record(student, new NewWorkRecord(
                behind.s.id(), SourceKind.PLACEMENT, behind.placement, saturdays.get(1), LocalTime.of(14, 0),
                LocalTime.of(18, 0), null, "校园开放日引导")));
        // the counselor recorded one with the wrong times and corrected it, and voided a duplicate
        long wrong = actors.as(counselor, saturdays.get(2).plusDays(1).atTime(9, 0), () -> x.ledger().record(
                counselor, new NewWorkRecord(behind.s.id(), SourceKind.PLACEMENT, behind.placement, saturdays.get(2),
                        LocalTime.of(8, 0), LocalTime.of(14, 0), null, "公共区域保洁")));
        actors.as(counselor, saturdays.get(2).plusDays(2).atTime(10, 0), () -> x.ledger().correct(counselor, wrong,
                new NewWorkRecord(behind.s.id(), null, 0, saturdays.get(2), LocalTime.of(8, 0), LocalTime.of(12, 0),
                        null, "公共区域保洁"), "签到表显示 12:00 签退，按签到表更正为 4 小时"));
        if (complete != null) {
            List<WorkRecordView> records = x.ledger().ofStudent(counselor.acts(Role.COUNSELOR)
                    && complete.c.counselorAccount() == behind.c.counselorAccount() ? counselor
                    : actors.user(complete.c.counselorAccount(), Role.COUNSELOR), complete.s.id());
            CurrentUser theirs = actors.user(complete.c.counselorAccount(), Role.COUNSELOR);
            records.stream().filter(r -> r.status() == RecordStatus.COUNTED).findFirst().ifPresent(r ->
                    actors.as(theirs, now.minusDays(2), () -> x.ledger().voidEntry(theirs, r.id(),
                            "与用人单位考勤核对：当天该生请假未到岗，系重复登记")));
            // a complete student keeps working: a little more than 360 is usual
        }
    }

    // ================================================================== annual plans

    private void annualPlans() {
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

    // ================================================================== helpers

    private long employer(String name) {
        CurrentUser center = actors.user("zhongxin", Role.CENTER_STAFF);
        return x.employers().list(center).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
    }

    private LocalDate workingDaysBefore(LocalDate day, int n) {
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
