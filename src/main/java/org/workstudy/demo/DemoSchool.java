package org.workstudy.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Gender;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StaffDirectory;
import org.workstudy.organization.StaffForm;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.PositionsSeed;
import org.workstudy.shared.IdCardNumber;

/**
 * Loads the demo school: 6 colleges, 30 majors, 120 classes over the cohorts 2022–2026, staff of every role, the
 * calendar of those years, and {@code workstudy.demo.students} students (3,000 by default). Every demo staff password
 * is {@value #PASSWORD}; students start with the last 6 characters of their ID-card number and must change it.
 */
@Component
@Order(10)
class DemoSchool implements ApplicationRunner {

    static final String PASSWORD = "Demo1234";
    static final int FIRST_COHORT = 2022;
    static final int COHORTS = 5;
    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private static final String[][] COLLEGES = {
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
    private final AcademicCalendar calendar;
    private final PositionsSeed positions;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final int students;

    DemoSchool(Organization organization, Roster roster, StaffDirectory staff, Accounts accounts,
            AcademicCalendar calendar, PositionsSeed positions, TransactionTemplate tx,
            @Value("${workstudy.demo.enabled:false}") boolean enabled,
            @Value("${workstudy.demo.students:3000}") int students) {
        this.organization = organization;
        this.roster = roster;
        this.staff = staff;
        this.accounts = accounts;
        this.calendar = calendar;
        this.positions = positions;
        this.tx = tx;
        this.enabled = enabled;
        this.students = students;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !organization.colleges().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<Long> classIds = new ArrayList<>();
        List<Long> classCollege = new ArrayList<>();
        List<Integer> classCohort = new ArrayList<>();
        // The calendar covers every cohort from its first term to its last possible one (5 years on).
        calendar.loadStandardCalendar(FIRST_COHORT, FIRST_COHORT + COHORTS + 4);
        tx.executeWithoutResult(s -> {
            schoolStaff();
            for (int c = 0; c < COLLEGES.length; c++) {
                String[] college = COLLEGES[c];
                long collegeId = organization.saveCollege(null, college[0], college[1], true);
                List<Long> collegeClasses = new ArrayList<>();
                for (int m = 2; m < college.length; m++) {
                    String majorCode = college[0] + (m - 1);
                    long majorId = organization.saveMajor(null, collegeId, majorCode, college[m], true);
                    for (int y = FIRST_COHORT; y < FIRST_COHORT + COHORTS; y++) {
                        if ((m + y) % 5 == 0) {
                            continue; // not every major takes students every year: 24 classes a cohort
                        }
                        long classId = organization.saveClass(null, majorId, y, y + "级" + college[m] + "1班", true);
                        classIds.add(classId);
                        classCollege.add(collegeId);
                        classCohort.add(y);
                        collegeClasses.add(classId);
                    }
                }
                collegeStaff(c, collegeId, collegeClasses);
            }
            positions.loadDemo();
        });
        int perBatch = 3000;
        for (int from = 0; from < students; from += perBatch) {
            int to = Math.min(students, from + perBatch);
            int first = from;
            tx.executeWithoutResult(s -> roster.addAll(students(first, to, classIds, classCohort)));
        }
        log.info("Demo school loaded: {} classes, {} students in {} ms", classIds.size(), students,
                (System.nanoTime() - start) / 1_000_000);
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
    private void collegeStaff(int index, long collegeId, List<Long> classIds) {
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
            }
        }
    }

    private long person(String username, String name, Long collegeId, Grant... grants) {
        long id = staff.create(new StaffForm(username, name, collegeId, null), "Init" + PASSWORD, List.of(grants));
        long accountId = staff.find(id).orElseThrow().accountId();
        accounts.changePassword(accountId, "Init" + PASSWORD, PASSWORD);
        return accountId;
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
