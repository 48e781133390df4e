package org.workstudy.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.notices.internal.NoticePages;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/**
 * The notice board on PostgreSQL. The exemption and recognition modules that hear the board's events are built
 * elsewhere, so a recording stand-in takes the RECOGNITION kind's place for the length of each test
 * ({@link NoticeBoard#standIn}); no extra bean, so the shared application context stays the same for every test.
 * Notices are published in a November two years ahead (November has no public holiday), so that the scheduled job,
 * which runs on today's date, never finalizes them behind the tests' backs; tests name the day they act on.
 */
@IntegrationTest
class NoticeBoardIntegrationTest {

    static final String CHANGED = Fixtures.ACTIVATED_PASSWORD;

    @Autowired
    NoticeBoard board;
    @Autowired
    NoticePages pages;
    @Autowired
    ObjectionDesk objections;
    @Autowired
    NoticeFinality finality;
    @Autowired
    PlacementFixtures students;
    @Autowired
    Fixtures school;
    @Autowired
    Organization organization;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    final Recording outcomes = new Recording();
    AutoCloseable standIn;

    /** Monday of the first full week of November, two years ahead: Mon..Fri are the five working days. */
    LocalDate monday;
    LocalDate friday;

    static final CurrentUser DIRECTOR = new CurrentUser(0, "director-test", "学工处测试", Role.CENTER_DIRECTOR,
            List.of(Grant.school(Role.CENTER_DIRECTOR)));

    record School(long collegeId, long classId, List<Student> listed, Student other) {
    }

    @BeforeEach
    void standIn() {
        monday = LocalDate.now(clock).plusYears(2).withMonth(11).withDayOfMonth(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        friday = monday.plusDays(4);
        standIn = board.standIn(new ObjectionOffice(NoticeKind.RECOGNITION,
                Set.of(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR)), outcomes);
    }

    @AfterEach
    void done() throws Exception {
        standIn.close();
    }

    School school() {
        long college = school.college();
        long classId = school.schoolClass(college);
        List<Student> all = students.students(classId, 3);
        return new School(college, classId, all.subList(0, 2), all.get(2));
    }

    long publish(School s, LocalDate on) {
        List<NoticeItem> items = new ArrayList<>();
        for (Student st : s.listed()) {
            items.add(new NoticeItem(st.id(), 900_000 + st.id(), "360 学时"));
        }
        NoticeDraft draft = new NoticeDraft(NoticeKind.RECOGNITION, 77L, "2024 级学分认定名单 " + Fixtures.next(),
                s.collegeId(), 2024, 5, items);
        return school.inTransaction(() -> board.publish(draft, on));
    }

    long itemOf(long noticeId, Student s) {
        return jdbc.sql("SELECT id FROM cr_notice_item WHERE notice_id = ? AND student_id = ?")
                .params(noticeId, s.id()).query(Long.class).single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(Arrays.asList(params)).query(Long.class).single();
    }

    static CurrentUser student(Student s) {
        return PlacementFixtures.signedIn(s);
    }

    Cookie studentSession(Student s) throws Exception {
        return Logins.login(mvc, s.studentNo(), school.password(s.studentNo()));
    }

    @Test
    void publishingTellsTheListedStudentsAndTheyReadTheNotice() throws Exception {
        School s = school();
        long id = publish(s, monday);

        for (Student listed : s.listed()) {
            assertThat(count("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ? AND link = ?",
                    listed.accountId(), "notices.notify.published", "/notices/" + id)).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM ntf_message WHERE account_id = ? AND link = ?",
                s.other().accountId(), "/notices/" + id)).as("not listed, not told").isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE entity_type = 'notice' AND entity_id = ?"
                + " AND action = 'publish'", String.valueOf(id))).isEqualTo(1);

        NoticeSummary notice = board.find(id).orElseThrow();
        assertThat(notice.startsOn()).isEqualTo(monday);
        assertThat(notice.endsOn()).isEqualTo(friday);
        assertThat(notice.items()).isEqualTo(2);

        // a student of the college and cohort who is not listed reads it too, without anyone's personal data
        Student first = s.listed().get(0);
        Cookie reader = studentSession(s.other());
        mvc.perform(get("/notices").cookie(reader)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(notice.title())));
        mvc.perform(get("/notices/" + id).cookie(reader)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(first.studentNo())))
                .andExpect(content().string(Matchers.containsString(first.name())))
                .andExpect(content().string(Matchers.containsString("360 学时")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(first.idCardNo()))));
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(s.other().studentNo(), CHANGED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].studentNo").value(first.studentNo()))
                .andExpect(jsonPath("$.notice.endsOn").value(friday.toString()));
    }

    @Test
    void readersOutsideTheScopeGetNotFound() throws Exception {
        School s = school();
        long id = publish(s, monday);
        School elsewhere = school();
        Student outsider = elsewhere.other();

        Cookie session = studentSession(outsider);
        mvc.perform(get("/notices").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/notices/" + id + "\""))));
        mvc.perform(get("/notices/" + id).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/notices/" + id + "/objections").cookie(session).with(csrf()).param("reason", "不同意"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(outsider.studentNo(), CHANGED)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notices/" + id + "/objections").with(httpBasic(outsider.studentNo(), CHANGED))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不同意\"}"))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> board.object(student(outsider), id, null, "不同意", monday))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(404);

        // staff: the other college's vice dean no; this college's vice dean yes; a counselor of another cohort no
        String otherDean = school.account(Grant.of(Role.VICE_DEAN, elsewhere.collegeId()));
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(otherDean, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        String dean = school.account(Grant.of(Role.VICE_DEAN, s.collegeId()));
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(dean, Fixtures.PASSWORD))).andExpect(status().isOk());
        long major = organization.schoolClass(s.classId()).orElseThrow().majorId();
        long class2025 = organization.saveClass(null, major, 2025, "测试班2025-" + Fixtures.next(), true);
        String counselor2025 = school.account(Grant.of(Role.COUNSELOR, class2025));
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(counselor2025, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        String counselor = school.account(Grant.of(Role.COUNSELOR, s.classId()));
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(counselor, Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        String employer = school.account(Grant.of(Role.EMPLOYER, 1L));
        mvc.perform(get("/api/v1/notices").with(httpBasic(employer, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aListedStudentReadsTheNoticeEvenFromAnotherClass() {
        School s = school();
        School elsewhere = school();
        Student moved = elsewhere.listed().get(0);
        NoticeDraft draft = new NoticeDraft(NoticeKind.RECOGNITION, 77L, "名单 " + Fixtures.next(), s.collegeId(), 2024,
                5, List.of(new NoticeItem(moved.id(), 1L, "免修")));
        long id = school.inTransaction(() -> board.publish(draft, monday));
        assertThat(pages.detail(student(moved), id).lines()).hasSize(1);
        assertThatThrownBy(() -> pages.detail(student(elsewhere.other()), id))
                .isInstanceOf(BusinessException.class).extracting("status").isEqualTo(404);
    }

    @Test
    void anOpenObjectionHoldsFinalityUntilItIsAnswered() {
        School s = school();
        long id = publish(s, monday);
        long objection = school.inTransaction(() ->
                board.object(student(s.other()), id, null, "名单有误，请核实", monday.plusDays(2)));

        LocalDate nextMonday = monday.plusDays(7);
        assertThat(school.inTransaction(() -> finality.finalizeIfDue(id, nextMonday)))
                .as("the period passed but an objection is open").isFalse();
        assertThat(count("SELECT count(*) FROM cr_notice_final WHERE notice_id = ?", id)).isZero();

        LocalDate answeredOn = nextMonday.plusDays(1);
        school.inTransaction(() -> {
            objections.answer(DIRECTOR, objection, false, "经核实，名单无误。", null, answeredOn);
            return null;
        });
        LocalDate finalOn = jdbc.sql("SELECT final_on FROM cr_notice_final WHERE notice_id = ?").param(id)
                .query(LocalDate.class).single();
        assertThat(finalOn).as("final when the last objection was answered, after the period").isEqualTo(answeredOn);
        assertThat(outcomes.finals).containsExactly(new Final(id, 77L, answeredOn, 2));
        assertThat(outcomes.withdrawn).isEmpty();
        assertThat(count("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?",
                s.other().accountId(), "notices.notify.dismissed")).isEqualTo(1);
    }

    @Test
    void anUpheldObjectionWithdrawsTheLineAndTheRestBecomesFinal() {
        School s = school();
        long id = publish(s, monday);
        Student doubtful = s.listed().get(1);
        long item = itemOf(id, doubtful);
        long general = school.inTransaction(() ->
                board.object(student(s.other()), id, null, "整个名单有问题", monday));
        long objection = school.inTransaction(() ->
                board.object(student(s.other()), id, item, "该生工时不足", monday.plusDays(1)));

        assertThatThrownBy(() -> objections.answer(DIRECTOR, general, true, "成立", null, monday.plusDays(2)))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("notices.answer.name-item");
        CurrentUser dean = new CurrentUser(0, "dean-test", "副院长", Role.VICE_DEAN,
                List.of(Grant.of(Role.VICE_DEAN, s.collegeId())));
        assertThatThrownBy(() -> objections.answer(dean, objection, true, "成立", null, monday.plusDays(2)))
                .as("the vice dean is not the deciding office").isInstanceOf(BusinessException.class)
                .extracting("status").isEqualTo(403);

        school.inTransaction(() -> {
            objections.answer(DIRECTOR, objection, true, "经核实，该生工时不足，撤下。", null, monday.plusDays(2));
            objections.answer(DIRECTOR, general, false, "其余名单无误。", null, monday.plusDays(2));
            return null;
        });
        assertThat(outcomes.withdrawn).containsExactly(new NoticeItem(doubtful.id(), 900_000 + doubtful.id(),
                "360 学时"));
        assertThat(count("SELECT count(*) FROM ntf_message WHERE account_id = ? AND message_key = ?",
                s.other().accountId(), "notices.notify.upheld")).isEqualTo(1);
        assertThatThrownBy(() -> board.object(student(s.other()), id, item, "再议", monday.plusDays(3)))
                .isInstanceOf(BusinessException.class).extracting("messageKey")
                .isEqualTo("notices.objection.item-withdrawn");
        assertThatThrownBy(() -> objections.answer(DIRECTOR, objection, false, "再答", null, monday.plusDays(3)))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("notices.answer.already");

        assertThat(school.inTransaction(() -> finality.finalizeIfDue(id, friday))).as("still running").isFalse();
        assertThat(school.inTransaction(() -> finality.finalizeIfDue(id, friday.plusDays(1)))).isTrue();
        assertThat(outcomes.finals).containsExactly(new Final(id, 77L, friday.plusDays(1), 1));
        assertThat(outcomes.remaining.get(0)).extracting(NoticeItem::studentId).containsExactly(s.listed().get(0).id());
    }

    @Test
    void aNoticeBecomesFinalExactlyOnce() throws Exception {
        School s = school();
        long id = publish(s, monday);
        LocalDate after = friday.plusDays(3);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return school.inTransaction(() -> finality.finalizeIfDue(id, after));
                }));
            }
            start.countDown();
            assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        board.finalizeDue(after);
        board.finalizeDue(after.plusDays(1));

        assertThat(count("SELECT count(*) FROM cr_notice_final WHERE notice_id = ?", id)).isEqualTo(1);
        assertThat(outcomes.finals).filteredOn(f -> f.noticeId() == id)
                .containsExactly(new Final(id, 77L, friday.plusDays(1), 2));
        assertThat(board.find(id).orElseThrow().status()).isEqualTo(NoticeStatus.FINAL);
    }

    @Test
    void objectionsOnlyWhileTheNoticeRunsAndWithAReason() throws Exception {
        School s = school();
        LocalDate saturday = monday.minusDays(2);
        long id = publish(s, saturday);
        CurrentUser reader = student(s.other());

        assertThatThrownBy(() -> board.object(reader, id, null, "不同意", monday.minusDays(1)))
                .isInstanceOf(BusinessException.class).extracting("messageKey")
                .isEqualTo("notices.objection.not-started");
        assertThatThrownBy(() -> board.object(reader, id, null, "不同意", friday.plusDays(1)))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("notices.objection.ended");
        assertThatThrownBy(() -> board.object(reader, id, null, "  ", monday))
                .isInstanceOf(BusinessException.class).extracting("messageKey")
                .isEqualTo("notices.objection.reason-required");
        assertThatThrownBy(() -> board.object(reader, id, null, "理".repeat(501), monday))
                .isInstanceOf(BusinessException.class).extracting("messageKey")
                .isEqualTo("notices.objection.reason-too-long");
        assertThat(count("SELECT count(*) FROM cr_notice_objection WHERE notice_id = ?", id)).isZero();

        // on today's date through the page and the API: a notice whose period is over refuses objections
        LocalDate today = LocalDate.now(clock);
        long ended = publish(s, today.minusDays(30));
        Cookie session = studentSession(s.other());
        mvc.perform(post("/notices/" + ended + "/objections").cookie(session).with(csrf()).param("reason", "不同意"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "notices.objection.ended"));
        mvc.perform(post("/api/v1/notices/" + ended + "/objections").with(httpBasic(s.other().studentNo(), CHANGED))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不同意\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("不能再提出异议")));
        assertThat(count("SELECT count(*) FROM cr_notice_objection WHERE notice_id = ?", ended)).isZero();
    }

    @Test
    void aRunningNoticeTakesObjectionsOnThePageAndTheOfficeAnswersThem() throws Exception {
        School s = school();
        LocalDate today = LocalDate.now(clock);
        LocalDate on = today;
        while (!calendar.isWorkingDay(on)) {
            on = on.minusDays(1); // the last working day: a five-day period from it still runs today
        }
        long id = publish(s, on);
        Cookie session = studentSession(s.other());
        long item = itemOf(id, s.listed().get(0));
        mvc.perform(get("/notices/" + id).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"submit-objection\"")));
        mvc.perform(post("/notices/" + id + "/objections").cookie(session).with(csrf())
                        .param("itemId", String.valueOf(item)).param("reason", "该生并未完成工时"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "notices.objection.raised"));
        mvc.perform(get("/notices/" + id).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该生并未完成工时")));
        long objection = jdbc.sql("SELECT id FROM cr_notice_objection WHERE notice_id = ?").param(id)
                .query(Long.class).single();

        assertThat(pages.detail(student(s.listed().get(1)), id).objections())
                .as("another reader does not see the objection").isEmpty();
        Cookie director = Logins.login(mvc, "zhuren", "Demo1234");
        mvc.perform(get("/").cookie(director)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/notices/objections")));
        mvc.perform(get("/notices/objections").cookie(director)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该生并未完成工时")));
        mvc.perform(get("/notices/objections").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/notices/objections/" + objection + "/answer").cookie(session).with(csrf())
                .param("uphold", "true").param("answer", "自己答复")).andExpect(status().isForbidden());
        mvc.perform(post("/notices/objections/" + objection + "/answer").cookie(director).with(csrf())
                        .param("uphold", "true").param("answer", "经核实属实，撤下。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "notices.answer.upheld"));
        assertThat(outcomes.withdrawn).extracting(NoticeItem::studentId).containsExactly(s.listed().get(0).id());
        mvc.perform(get("/api/v1/notices/" + id).with(httpBasic(s.other().studentNo(), CHANGED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.objections.length()").value(1))
                .andExpect(jsonPath("$.objections[0].answer.upheld").value(true))
                .andExpect(jsonPath("$.lines[0].withdrawn").value(true));
    }

    @Test
    void theFinalizingJobIsLockedInTheDatabase() throws Exception {
        school.awaitEvents(() -> count("SELECT count(*) FROM shedlock WHERE name = 'notices.finalize'") == 1);
    }

    record Final(long noticeId, Long subjectId, LocalDate finalOn, int remaining) {
    }

    /** Records what the board tells the kind's module. */
    static final class Recording implements Consumer<Object> {
        final List<NoticeItem> withdrawn = new CopyOnWriteArrayList<>();
        final List<Final> finals = new CopyOnWriteArrayList<>();
        final List<List<NoticeItem>> remaining = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Object event) {
            if (event instanceof ObjectionUpheld upheld) {
                withdrawn.add(upheld.item());
            } else if (event instanceof NoticeFinalized f) {
                finals.add(new Final(f.noticeId(), f.subjectId(), f.finalOn(), f.remaining().size()));
                remaining.add(f.remaining());
            }
        }
    }
}
