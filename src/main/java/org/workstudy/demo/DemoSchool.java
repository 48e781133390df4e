package org.workstudy.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Activations;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Gender;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StaffDirectory;
import org.workstudy.organization.StaffForm;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionsSeed;
import org.workstudy.shared.SchoolClock;
import org.workstudy.shared.IdCardNumber;

/**
 * Loads the demo school: 6 colleges, 30 majors, 120 classes over the cohorts 2022–2026, staff of every role, the
 * calendar of those years, and {@code workstudy.demo.students} students (3,000 by default). Every demo staff password
 * is {@value #PASSWORD}; students activate their account with a code from their class sheet (the demo people have
 * {@value #PASSWORD} already).
 */
@Component
@Order(10)
public class DemoSchool implements ApplicationRunner {

    static final String PASSWORD = "Demo1234";
    static final int FIRST_COHORT = 2022;
    static final int COHORTS = 5;
    static final String OFF_CAMPUS_EMPLOYER = "厦门鹭岛会展服务有限公司";
    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    static final String[][] COLLEGES = { // code, name, majors (the demo test tells its colleges by name)
            {"01", "信息工程学院", "软件技术", "计算机网络技术", "大数据技术", "人工智能技术应用", "物联网应用技术"},
            {"02", "经济管理学院", "大数据与会计", "电子商务", "市场营销", "现代物流管理", "金融服务与管理"},
            {"03", "机电工程学院", "机电一体化技术", "工业机器人技术", "新能源汽车技术", "电气自动化技术", "智能制造装备技术"},
            {"04", "建筑工程学院", "建筑工程技术", "工程造价", "建设工程管理", "建筑装饰工程技术", "城市轨道交通工程技术"},
            {"05", "艺术设计学院", "视觉传达设计", "环境艺术设计", "数字媒体艺术设计", "动漫设计", "服装与服饰设计"},
            {"06", "旅游与外语学院", "旅游管理", "酒店管理与数字化运营", "商务英语", "应用日语", "空中乘务"}};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁欣悦晨阳佳琪思雨梓涵子轩浩然一诺";

    private final Organization organization;
    private final Roster roster;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final Activations activations;
    private final AcademicCalendar calendar;
    private final PositionsSeed positions;
    private final TransactionTemplate tx;
    private final Employers employers;
    private final Clock clock;
    private final DemoHistory.Services services;
    private final boolean enabled;
    private final boolean history;
    private final int students;
    private final Map<String, Student> people = new LinkedHashMap<>();
    private final Map<String, String> demoStaff = new LinkedHashMap<>();
    private java.util.function.Supplier<DemoHistory> replan;
    /**
     * Setting the demo passwords (a bcrypt hash each, about a tenth of a second of CPU) runs beside the history on a
     * second thread: nothing in the history needs them, and the load waits for them before it is done.
     */
    private java.util.concurrent.ExecutorService passwords;
    private final List<java.util.concurrent.Future<?>> passwordWork = new ArrayList<>();

    DemoSchool(Organization organization, Roster roster, StaffDirectory staff, Accounts accounts,
            AcademicCalendar calendar, PositionsSeed positions, TransactionTemplate tx, Employers employers,
            Activations activations, Clock clock, DemoHistory.Services services,
            @Value("${workstudy.demo.enabled:false}") boolean enabled,
            @Value("${workstudy.demo.history:true}") boolean history,
            @Value("${workstudy.demo.students:3000}") int students) {
        this.organization = organization;
        this.roster = roster;
        this.staff = staff;
        this.accounts = accounts;
        this.activations = activations;
        this.calendar = calendar;
        this.positions = positions;
        this.tx = tx;
        this.employers = employers;
        this.clock = clock;
        this.services = services;
        this.enabled = enabled;
        this.history = history;
        this.students = students;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !organization.colleges().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        passwords = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-passwords"));
        try {
            if (history && clock instanceof SchoolClock school) {
                try (SchoolClock.Travel travel = school.travel()) {
                    travel.seed(DemoHistory.SEED);
                    load(new DemoActors(accounts, travel, clock.getZone()));
                }
            } else {
                load(null);
            }
            for (java.util.concurrent.Future<?> f : passwordWork) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Setting the demo passwords failed", e.getCause());
        } finally {
            passwords.shutdown();
            passwordWork.clear();
        }
        log.info("Demo school loaded: {} students in {} ms", students, (System.nanoTime() - start) / 1_000_000);
    }

    /** Without actors (no history): the school as it is today, with no past. */
    private void load(DemoActors actors) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<DemoHistory.SchoolClassInfo> classes = new ArrayList<>();
        // The school opens the summer before its first cohort: structure, staff and the calendar.
        Runnable structure = () -> tx.executeWithoutResult(s -> {
            calendar.loadStandardCalendar(FIRST_COHORT, FIRST_COHORT + COHORTS + 4);
            schoolStaff();
            for (int c = 0; c < COLLEGES.length; c++) {
                String[] college = COLLEGES[c];
                long collegeId = organization.saveCollege(null, college[0], college[1], true);
                List<Long> collegeClasses = new ArrayList<>();
                List<Integer> collegeCohorts = new ArrayList<>();
                for (int m = 2; m < college.length; m++) {
                    String majorCode = college[0] + (m - 1);
                    long majorId = organization.saveMajor(null, collegeId, majorCode, college[m], true);
                    for (int y = FIRST_COHORT; y < FIRST_COHORT + COHORTS; y++) {
                        if ((m + y) % 5 == 0) {
                            continue; // not every major takes students every year: 24 classes a cohort
                        }
                        long classId = organization.saveClass(null, majorId, y, y + "级" + college[m] + "1班", true);
                        collegeClasses.add(classId);
                        collegeCohorts.add(y);
                    }
                }
                List<Long> counselors = collegeStaff(c, collegeId, collegeClasses);
                String no = String.format("%02d", c + 1);
                for (int k = 0; k < collegeClasses.size(); k++) {
                    classes.add(new DemoHistory.SchoolClassInfo(collegeClasses.get(k), collegeCohorts.get(k),
                            collegeId, c, counselors.get(k), "xueyuan" + no, "fuyuanzhang" + no));
                }
            }
            positions.loadDemoEmployers();
            employerContact();
        });
        LocalDateTime opening = LocalDate.of(FIRST_COHORT, 8, 20).atTime(9, 0);
        if (actors == null) {
            structure.run();
        } else {
            actors.at(opening, () -> {
                structure.run();
                return null;
            });
        }
        List<Long> classIds = classes.stream().map(DemoHistory.SchoolClassInfo::classId).toList();
        List<Integer> classCohort = classes.stream().map(DemoHistory.SchoolClassInfo::cohort).toList();
        // Each cohort's students arrive in the last week of its August.
        Map<Integer, List<StudentForm>> byCohort = new TreeMap<>();
        for (StudentForm f : students(0, students, classIds, classCohort)) {
            byCohort.computeIfAbsent(Integer.parseInt(f.enrolmentTerm().substring(0, 4)), k -> new ArrayList<>())
                    .add(f);
        }
        byCohort.forEach((cohort, forms) -> {
            LocalDateTime arrival = LocalDate.of(cohort, 8, 25).atTime(9, 0);
            if (actors == null || arrival.isAfter(now)) {
                tx.executeWithoutResult(s -> roster.addAll(forms));
            } else {
                actors.at(arrival, () -> tx.execute(s -> roster.addAll(forms)));
            }
        });
        if (actors != null) {
            Map<Long, List<Student>> byClass = new HashMap<>();
            roster.forEach(adminUser(), new StudentQuery(null, null, null, null, null),
                    r -> byClass.computeIfAbsent(r.classId(), k -> new ArrayList<>()).add(roster.find(r.id())
                            .orElseThrow()));
            DemoHistory history = new DemoHistory(services, actors, now, classes, byClass);
            replan = () -> new DemoHistory(services, null, now, classes, byClass);
            history.load();
            positions.loadDemo();
            history.applications();
            people.clear();
            people.putAll(history.people);
            demoStaff.clear();
            demoStaff.putAll(history.staff);
            history.people.forEach((state, student) -> inBackground(() -> demoPassword(student)));
            log.info("Demo people (password {}): {}", PASSWORD, history.people.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().studentNo() + " " + e.getValue().name()).toList());
            log.info("Demo staff to sign in as: {}", history.staff);
            log.info("Demo figures: {}", history.figures);
        } else {
            positions.loadDemo();
        }
    }

    /**
     * The demo people's password is Demo1234 from the start: they are activated with a code issued for it, as a
     * student would be with the code from the class sheet (real students choose their own).
     */
    private void demoPassword(Student person) {
        Student s = roster.find(person.id()).orElseThrow(); // as now: the history may have graduated them since
        if (s.accountId() == null || s.status() != StudentStatus.ACTIVE) {
            return;
        }
        Activations.IssuedCode code = activations.issue(List.of(s.accountId()), "demo").get(s.accountId());
        if (code != null) {
            activations.activate(s.studentNo(), code.code(), PASSWORD);
        }
    }

    /** The exhibition company's contact person: an employer account off campus. */
    private void employerContact() {
        CurrentUser center = new CurrentUser(0, "system", "勤工助学中心", Role.CENTER_STAFF,
                List.of(Grant.school(Role.CENTER_STAFF)));
        employers.list(center).stream().filter(e -> e.name().equals(OFF_CAMPUS_EMPLOYER)).findFirst().ifPresent(e -> {
            long account = employers.createContact(center, e.id(), "huizhan", "陈经理（鹭岛会展）", "Init" + PASSWORD);
            afterCommit(() -> accounts.changePassword(account, "Init" + PASSWORD, PASSWORD));
        });
    }

    private static CurrentUser adminUser() {
        return new CurrentUser(0, "system", "系统", Role.ADMIN, List.of(Grant.school(Role.ADMIN)));
    }

    /** A fresh history over the same school and day, to plan again (determinism); null without a history. */
    DemoHistory replan() {
        return replan == null ? null : replan.get();
    }

    /** The demo people by the state they show, once the history is loaded (empty without it). */
    public Map<String, Student> people() {
        return Map.copyOf(people);
    }

    /** The staff usernames to sign in as beside the demo people, by what they show (empty without a history). */
    Map<String, String> demoStaff() {
        return Map.copyOf(demoStaff);
    }

    private void schoolStaff() {
        person("admin", "系统管理员", null, Grant.school(Role.ADMIN));
        person("zhuren", "陈主任", null, Grant.school(Role.CENTER_DIRECTOR));
        person("zhongxin", "林老师（勤工助学中心）", null, Grant.school(Role.CENTER_STAFF));
        person("jiaowu", "黄老师（教学科研处）", null, Grant.school(Role.ACADEMIC_AFFAIRS));
        person("lingdao", "郑副校长", null, Grant.school(Role.LEADER));
        person("yongren", "后勤处（用人单位）", null, Grant.of(Role.EMPLOYER, 1L));
    }

    /** A vice dean, a college work-study admin, and a counselor for every five classes of the college. */
    private List<Long> collegeStaff(int index, long collegeId, List<Long> classIds) {
        List<Long> counselorOf = new ArrayList<>();
        String no = String.format("%02d", index + 1);
        person("fuyuanzhang" + no, SURNAMES.charAt(index) + "副院长", collegeId, Grant.of(Role.VICE_DEAN, collegeId));
        long adminAccount = person("xueyuan" + no, SURNAMES.charAt(index + 10) + "老师（学院勤工助学）", collegeId,
                Grant.of(Role.COLLEGE_ADMIN, collegeId));
        for (int k = 0; k * 5 < classIds.size(); k++) {
            long account = k == 0 ? adminAccount // the college's admin also counsels classes: one person, two roles
                    : person("fdy" + no + (k + 1), SURNAMES.charAt((index * 7 + k) % SURNAMES.length()) + "辅导员",
                            collegeId);
            for (long classId : classIds.subList(k * 5, Math.min(classIds.size(), k * 5 + 5))) {
                organization.setCounselors(classId, List.of(account));
                counselorOf.add(account);
            }
        }
        return counselorOf;
    }

    /**
     * A staff member whose password is Demo1234 from the start: added awaiting activation and activated with a code
     * issued for it, as after a staff import (one password hash, where an initial password changed at first sign-in
     * costs four: bcrypt is most of the demo's staff cost).
     */
    private long person(String username, String name, Long collegeId, Grant... grants) {
        long id = staff.create(new StaffForm(username, name, collegeId, null), null, List.of(grants));
        long accountId = staff.find(id).orElseThrow().accountId();
        afterCommit(() -> activations.activate(username, activations.issue(List.of(accountId), "demo")
                .get(accountId).code(), PASSWORD));
        return accountId;
    }

    /** Password work on the second thread, once the account it sets is committed (the structure's transaction). */
    private void afterCommit(Runnable work) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            inBackground(work);
                        }
                    });
        } else {
            inBackground(work);
        }
    }

    private void inBackground(Runnable work) {
        passwordWork.add(passwords.submit(work));
    }

    /** Deterministic students: the same size gives the same school. */
    static List<StudentForm> students(int from, int to, List<Long> classIds, List<Integer> classCohort) {
        List<StudentForm> forms = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int k = i % classIds.size();
            int cohort = classCohort.get(k);
            Random random = new Random(i);
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                    + GIVEN.charAt(random.nextInt(GIVEN.length()))
                    + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
            String studentNo = String.format("%d%03d%05d", cohort, k, i);
            String birth = String.format("%d%02d%02d", cohort - 18, 1 + random.nextInt(12), 1 + random.nextInt(28));
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            String seq = String.format("%03d", random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0));
            String idCard = IdCardNumber.withCheckChar("350203" + birth + seq);
            String phone = String.format("1%d%09d", 3 + random.nextInt(7), random.nextInt(1_000_000_000));
            forms.add(new StudentForm(studentNo, name, gender, classIds.get(k), cohort + "-" + (cohort + 1) + "-1",
                    StudentStatus.ACTIVE, phone, idCard));
        }
        return forms;
    }
}
