package org.workstudy.positions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.positions.internal.EmployerForm;

/**
 * Demo employers and positions for trying WorkStudy out: 8 employers (后勤处 first, so that it is employer 1 of a
 * fresh database, the scope of the demo account {@code yongren}) and 40 positions, most of them published with the
 * application window open now, three first-come ones with 3 places for the rush benchmark.
 */
@Component
public class PositionsSeed {

    private static final Logger log = LoggerFactory.getLogger(PositionsSeed.class);
    /** The title prefix of the first-come, 3-place positions of the rush benchmark. */
    public static final String RUSH_TITLE = "新生报到日迎新引导（先到先得）";

    private static final String[][] EMPLOYERS = {
        // on campus, name, place (national division code: 350211 厦门市集美区, the campus), address, contact, phone
        {"true", "后勤处", "350211", "行政楼2层", "王科长", "0592-6180001"},
        {"true", "图书馆", "350211", "图书馆1层服务台", "李馆员", "0592-6180002"},
        {"true", "学生处", "350211", "学生活动中心3层", "张老师", "0592-6180003"},
        {"true", "信息中心", "350211", "实训楼5层", "刘工", "0592-6180004"},
        {"false", "厦门鹭岛会展服务有限公司", "350203", "思明区会展北路8号", "陈经理", "13806000001"},
        {"false", "厦门海湾图书城", "350206", "湖里区吕岭路100号", "黄店长", "13806000002"},
        {"false", "厦门社区教育服务中心", "350211", "集美区杏林湾路20号", "吴主任", "13806000003"},
        {"false", "泉州丰泽文旅发展有限公司", "350503", "丰泽区东海大街1号", "许经理", "13906000004"},
    };
    /** Per employer: title, then what the work is, as the employer would describe it. */
    private static final String[][][] TITLES = {
        {{"校园绿化养护助理", "协助园林班组修剪草坪和绿篱、浇灌苗木、清理落叶，工具由后勤处提供，雨天顺延。"},
            {"食堂就餐高峰秩序引导", "午、晚餐高峰在一、二食堂引导排队、提醒文明就餐、回收餐盘，穿着统一马甲。"},
            {"招生咨询热线接听", "招生季在招生办接听考生和家长来电，按问答手册解答专业、学费和住宿问题，记录回访需求。"}},
        {{"图书整架与上架", "按中图法将归还图书上架、整理错架，每周盘点一个书库区域。"},
            {"自习室晚间值守", "19:00–22:00 在自习室巡查座位预约、维持安静、闭馆时检查门窗和电源。"},
            {"古籍数字化扫描助理", "在馆员指导下扫描地方文献并核对图像质量，须戴手套、轻拿轻放。"}},
        {{"学生事务大厅咨询", "在学生事务服务大厅引导办事、解答证明开具和补办校园卡等常见问题。"},
            {"心理健康活动助理", "协助心理中心布置“5·25”心理健康月活动场地、签到和发放资料。"},
            {"档案整理助理", "按档案室要求装订、编号、录入新生入学材料，严格遵守保密规定。"}},
        {{"机房晚间值守", "实训楼机房晚间开放时段值守，登记上机、处理常见故障并报修。"},
            {"校园网报修受理", "受理宿舍区网络报修电话和工单，协助工程师上门排查。"}},
        {{"会展现场引导员", "在厦门国际会展中心的展会期间引导观众、咨询台值守、协助安检排队，岗前培训半天。"},
            {"展位布展助理", "协助参展商搬运展品、布置展位、撤展清点，须穿防滑鞋，不登高作业。"}},
        {{"书店导购与理货", "在海湾图书城协助图书上架、理货和收银台引导，周末客流高峰时段为主。"},
            {"少儿阅读活动助理", "周末少儿绘本会协助签到、维持秩序和整理活动场地。"}},
        {{"社区课堂助教", "在社区教育服务中心的周末课堂协助老师点名、分发材料、辅导练习。"},
            {"长者智能手机辅导", "一对一教社区长者使用手机挂号、支付和视频通话，耐心细致。"}},
        {{"文旅景区讲解助理", "在泉州丰泽的景区协助讲解员接待游客、引导参观路线，寒暑假集中上岗，包食宿。"}},
    };
    private static final byte[] DEMO_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Employers employers;
    private final PositionWorkflow workflow;
    private final Organization organization;
    private final JdbcClient jdbc;
    private final Clock clock;

    PositionsSeed(Employers employers, PositionWorkflow workflow, Organization organization, JdbcClient jdbc,
            Clock clock) {
        this.employers = employers;
        this.workflow = workflow;
        this.organization = organization;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads the demo employers and positions once; does nothing when 后勤处 already exists. */
    @Transactional
    public void loadDemo() {
        if (jdbc.sql("SELECT count(*) FROM pos_position WHERE title LIKE ?").param(RUSH_TITLE + "%")
                .query(Long.class).single() > 0) {
            return;
        }
        loadDemoEmployers();
        CurrentUser center = new CurrentUser(0, "system", "勤工助学中心", Role.CENTER_STAFF,
                List.of(Grant.school(Role.CENTER_STAFF)));
        LocalDate today = LocalDate.now(clock);
        long[] ids = new long[EMPLOYERS.length];
        for (int i = 0; i < EMPLOYERS.length; i++) {
            ids[i] = jdbc.sql("SELECT id FROM pos_employer WHERE name = ?").param(EMPLOYERS[i][1]).query(Long.class)
                    .single();
        }
        if (ids[0] != 1L) {
            log.warn("Demo employer {} has id {}, not 1: the demo account yongren will see no employer",
                    EMPLOYERS[0][1], ids[0]);
        }
        List<College> colleges = organization.colleges().stream().filter(College::active).limit(3).toList();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.HOURS);
        int n = 0;
        // 3 rush positions: first come, 3 places, at the center's on-campus employers
        for (int k = 0; k < 3; k++) {
            long id = workflow.create(center, form(null, ids[2], RUSH_TITLE + "·" + new String[] {"东门", "图书馆", "体育馆"}[k] + "报到点",
                    "新生报到日在报到点引导新生和家长、搬运行李、解答住宿和缴费问题，先到先得。", true, 3,
                    SelectionMode.FIRST_COME, Set.of(TimeKind.WEEKEND), now, today, k));
            publish(center, id);
            n++;
        }
        // the rest: cycle employers and titles, most published
        PositionStatus[] plan = new PositionStatus[37];
        java.util.Arrays.fill(plan, PositionStatus.PUBLISHED);
        plan[3] = plan[11] = plan[19] = PositionStatus.DRAFT;
        plan[5] = plan[13] = plan[21] = PositionStatus.SUBMITTED;
        plan[7] = plan[15] = PositionStatus.APPROVED;
        plan[9] = plan[17] = PositionStatus.CLOSED;
        plan[23] = plan[25] = PositionStatus.CANCELLED;
        TimeKind[][] kinds = {{TimeKind.WEEKEND}, {TimeKind.EVENING}, {TimeKind.WEEKEND, TimeKind.PUBLIC_HOLIDAY},
            {TimeKind.SUMMER_VACATION}, {TimeKind.WINTER_VACATION, TimeKind.WEEKEND}, {TimeKind.EVENING, TimeKind.WEEKEND}};
        for (int k = 0; k < plan.length; k++) {
            int e = k % EMPLOYERS.length;
            String[] job = TITLES[e][(k / EMPLOYERS.length) % TITLES[e].length];
            String title = job[0];
            boolean onCampus = Boolean.parseBoolean(EMPLOYERS[e][0]);
            College college = !colleges.isEmpty() && onCampus && k % 5 == 4 ? colleges.get(k % colleges.size()) : null;
            CurrentUser actor = college == null ? center : new CurrentUser(0, "system", "学院勤工助学负责人",
                    Role.COLLEGE_ADMIN, List.of(Grant.of(Role.COLLEGE_ADMIN, college.id())));
            SelectionMode mode = k % 3 == 0 ? SelectionMode.FIRST_COME : SelectionMode.EMPLOYER_CHOICE;
            long id = workflow.create(actor, form(college, ids[e], title, job[1], onCampus, 2 + (k * 7) % 14, mode,
                    Set.of(kinds[k % kinds.length]), now, today, k));
            step(actor, id, plan[k]);
            n++;
        }
        log.info("Demo positions loaded: {} employers, {} positions", ids.length, n);
    }

    /**
     * The demo employers alone (the demo school's history needs them years before today's positions); does nothing
     * when 后勤处 already exists. Off-campus employers get a three-party agreement valid for a year from today.
     */
    @Transactional
    public void loadDemoEmployers() {
        if (jdbc.sql("SELECT count(*) FROM pos_employer WHERE name = ?").param(EMPLOYERS[0][1]).query(Long.class)
                .single() > 0) {
            return;
        }
        CurrentUser center = new CurrentUser(0, "system", "勤工助学中心", Role.CENTER_STAFF,
                List.of(Grant.school(Role.CENTER_STAFF)));
        LocalDate today = LocalDate.now(clock);
        for (String[] e : EMPLOYERS) {
            long id = employers.save(center, null, new EmployerForm(Boolean.parseBoolean(e[0]), e[1], e[2], e[3],
                    e[4], e[5], true));
            if (!Boolean.parseBoolean(e[0])) {
                employers.uploadAgreement(center, id, e[1] + "三方协议.pdf", DEMO_PDF, today.plusYears(6));
            }
        }
    }

    private void step(CurrentUser actor, long id, PositionStatus target) {
        switch (target) {
            case DRAFT -> { }
            case SUBMITTED -> workflow.step(actor, id, PositionAction.SUBMIT, null);
            case APPROVED -> {
                workflow.step(actor, id, PositionAction.SUBMIT, null);
                workflow.step(actor, id, PositionAction.APPROVE, null);
            }
            case PUBLISHED -> publish(actor, id);
            case CLOSED -> {
                publish(actor, id);
                workflow.step(actor, id, PositionAction.CLOSE, null);
            }
            case CANCELLED -> {
                workflow.step(actor, id, PositionAction.SUBMIT, null);
                workflow.step(actor, id, PositionAction.CANCEL, "用人单位需求取消");
            }
        }
    }

    private void publish(CurrentUser actor, long id) {
        workflow.step(actor, id, PositionAction.SUBMIT, null);
        workflow.step(actor, id, PositionAction.APPROVE, null);
        workflow.step(actor, id, PositionAction.PUBLISH, null);
    }

    private static PositionForm form(College college, long employerId, String title, String description,
            boolean onCampus, int capacity,
            SelectionMode mode, Set<TimeKind> kinds, LocalDateTime now, LocalDate today, int k) {
        BigDecimal pay = new BigDecimal(onCampus ? "16.00" : "20.00").add(BigDecimal.valueOf(k % 4));
        BigDecimal hours = new BigDecimal(kinds.contains(TimeKind.EVENING) ? "3" : "4").add(
                BigDecimal.valueOf(k % 3));
        return new PositionForm(college == null ? BankKind.SCHOOL : BankKind.COLLEGE,
                college == null ? null : college.id(), employerId, title,
                description,
                k % 4 == 0 ? PositionType.TEMPORARY : (k % 4 == 1 ? PositionType.PROJECT : PositionType.FIXED), kinds,
                onCampus ? "校内" : "用人单位指定地点", null, capacity, hours, pay, today, today.plusDays(120),
                now.minusDays(3), now.plusDays(30 + k % 10), college == null ? Set.of() : Set.of(college.id()),
                k % 6 == 5 ? Set.of(2024, 2025) : Set.of(), mode,
                onCampus ? null : "岗前须参加安全培训；不从事高空、有毒有害及危险作业；往返途中注意交通安全。");
    }
}
