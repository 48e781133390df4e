package org.workstudy.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.awards.internal.AwardLines.AwardList;
import org.workstudy.awards.internal.AwardLines.ClassAward;
import org.workstudy.awards.internal.AwardLines.CounselorAward;
import org.workstudy.awards.internal.AwardLines.StudentAward;
import org.workstudy.awards.internal.AwardLines;
import org.workstudy.awards.internal.AwardLists;
import org.workstudy.awards.internal.AwardSettings;
import org.workstudy.awards.internal.ThresholdForm;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Who sees what, on the server: the center every college, a vice dean their college, a counselor their classes and
 * only themselves among counselors; an out-of-scope college is 404 in the lists, the exports and the API; records
 * are read in scope and a student reads their own. Bad input in the API is a problem naming the field. Runs in a
 * transaction that is rolled back: it adds a threshold version from today under which everyone is eligible.
 */
@IntegrationTest
@org.springframework.transaction.annotation.Transactional
class AwardsScopeTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired Fixtures school;
    @Autowired StatisticsRefresh refresh;
    @Autowired AwardLists lists;
    @Autowired AwardRecords records;
    @Autowired AwardSettings settings;
    @Autowired Roster roster;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;

    long collegeA;
    long collegeB;
    long classA1;
    long classA2;
    long classB1;
    List<Long> a1;
    List<Long> a2;
    List<Long> b1;
    String counselorA1;
    String viceDeanA;
    String center;

    @BeforeEach
    void twoColleges() {
        collegeA = school.college();
        collegeB = school.college();
        classA1 = school.schoolClass(collegeA);
        classA2 = school.schoolClass(collegeA);
        classB1 = school.schoolClass(collegeB);
        a1 = List.of(school.student(classA1), school.student(classA1));
        a2 = List.of(school.student(classA2));
        b1 = List.of(school.student(classB1));
        refresh.refresh(Stream.of(a1, a2, b1).flatMap(List::stream).toList());
        counselorA1 = school.account(Grant.of(Role.COUNSELOR, classA1));
        school.account(Grant.of(Role.COUNSELOR, classA2));
        school.account(Grant.of(Role.COUNSELOR, classB1));
        viceDeanA = school.account(Grant.of(Role.VICE_DEAN, collegeA));
        center = school.account(Grant.school(Role.CENTER_STAFF));
        CurrentUser director = new CurrentUser(0, "director-test", "主任", Role.CENTER_DIRECTOR,
                List.of(Grant.school(Role.CENTER_DIRECTOR)));
        settings.create(director, new ThresholdForm(settings.today().toString(), "0", "", "0", "0", "7", "0", "0",
                "0", "everyone"));
    }

    @Test
    void aViceDeanSeesTheirCollegeOnlyAndAnotherCollegeIsNotFound() {
        CurrentUser viceDean = signedIn(viceDeanA, Role.VICE_DEAN);
        StatsFilter year = lists.filter(year(), null);
        assertThat(lists.classes(viceDean, year, ZH).eligible()).extracting(ClassAward::classId)
                .containsExactlyInAnyOrder(classA1, classA2);
        assertThat(lists.counselors(viceDean, year, ZH).eligible()).hasSize(2);
        assertThat(lists.students(viceDean, year, ZH).eligible()).extracting(StudentAward::studentId)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(a1.stream(), a2.stream()).toList());
        assertNotFound(() -> lists.students(viceDean, lists.filter(year(), collegeB), ZH));
        assertNotFound(() -> lists.classes(viceDean, lists.filter(year(), collegeB), ZH));
        assertNotFound(() -> lists.counselors(viceDean, lists.filter(year(), collegeB), ZH));
        CurrentUser centerUser = signedIn(center, Role.CENTER_STAFF);
        assertThat(lists.classes(centerUser, lists.filter(year(), collegeB), ZH).eligible())
                .extracting(ClassAward::classId).containsExactly(classB1);
    }

    @Test
    void aCounselorSeesTheirClassesAndThemselvesOnly() {
        CurrentUser counselor = signedIn(counselorA1, Role.COUNSELOR);
        AwardList<CounselorAward> counselors = lists.counselors(counselor, lists.filter(year(), null), ZH);
        assertThat(counselors.eligible()).extracting(CounselorAward::accountId).containsExactly(counselor.accountId());
        assertThat(counselors.eligible().get(0).students()).isEqualTo(2);
        assertThat(lists.classes(counselor, lists.filter(year(), null), ZH).eligible()).extracting(ClassAward::classId)
                .containsExactly(classA1);
        assertThat(lists.students(counselor, lists.filter(year(), null), ZH).eligible())
                .extracting(StudentAward::studentId).containsExactlyInAnyOrderElementsOf(a1);
        assertNotFound(() -> lists.students(counselor, lists.filter(year(), collegeA), ZH));
        assertThatThrownBy(() -> lists.students(signedInStudent(a1.get(0)), lists.filter(year(), null), ZH))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void theApiAnswersInScopeAndNamesTheFieldOfBadInput() throws Exception {
        mvc.perform(get("/api/v1/awards/classes?academicYear=" + year() + "&collegeId=" + collegeA).with(httpBasic(viceDeanA, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version.id").isNumber())
                .andExpect(jsonPath("$.eligible.length()").value(2))
                .andExpect(jsonPath("$.eligible[0].verdict.met[0].text").isString());
        mvc.perform(get("/api/v1/awards/students?collegeId=" + collegeB).with(httpBasic(viceDeanA, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/awards/counselors?collegeId=" + collegeB)
                        .with(httpBasic(counselorA1, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/awards/students?academicYear=2025-2027").with(httpBasic(center, Fixtures.PASSWORD)))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.field").value("academicYear"));
        String studentNo = roster.find(b1.get(0)).orElseThrow().studentNo();
        mvc.perform(post("/api/v1/awards/records").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNo\":\"" + studentNo + "\",\"category\":\"FALSIFIED_HOURS\",\"reason\":\"多报工时\","
                                + "\"decidedOn\":\"" + settings.today() + "\",\"validUntil\":\"" + settings.today()
                                + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.category").value("FALSIFIED_HOURS"));
        mvc.perform(post("/api/v1/awards/records").with(httpBasic(center, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNo\":\"" + studentNo + "\",\"category\":\"NO_SHOW\",\"reason\":\"x\","
                                + "\"decidedOn\":\"" + settings.today() + "\"}"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.field").value("validUntil"));
        mvc.perform(post("/api/v1/awards/records").with(httpBasic(viceDeanA, Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void recordsAreReadInScopeAndAStudentReadsTheirOwn() {
        String noA = roster.find(a1.get(0)).orElseThrow().studentNo();
        String noB = roster.find(b1.get(0)).orElseThrow().studentNo();
        CurrentUser centerUser = signedIn(center, Role.CENTER_STAFF);
        String today = settings.today().toString();
        AwardRecord inA = records.record(centerUser, new AwardRecordForm(noA, "PRAISE", "表扬", today, null));
        AwardRecord inB = records.record(centerUser, new AwardRecordForm(noB, "NO_SHOW", "未到岗", today, today));
        assertThat(records.inScope(signedIn(viceDeanA, Role.VICE_DEAN), null)).extracting(AwardRecord::id)
                .contains(inA.id()).doesNotContain(inB.id());
        assertThat(records.inScope(signedIn(counselorA1, Role.COUNSELOR), null)).extracting(AwardRecord::id)
                .containsExactly(inA.id());
        assertThat(records.inScope(signedIn(viceDeanA, Role.VICE_DEAN), noB)).isEmpty();
        assertThat(records.inScope(signedInStudent(a1.get(0)), null)).extracting(AwardRecord::id)
                .containsExactly(inA.id());
        assertThat(records.inScope(centerUser, noB)).extracting(AwardRecord::id).containsExactly(inB.id());
        // a counselor cannot record, and a center recording for a 学号 it cannot see is told it does not exist
        assertThatThrownBy(() -> records.record(signedIn(counselorA1, Role.COUNSELOR),
                new AwardRecordForm(noA, "PRAISE", "x", today, null)))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    /** The running year: the version added in the set-up applies to it (judged today). */
    private String year() {
        return StatsFilter.yearOf(settings.today());
    }

    private CurrentUser signedIn(String username, Role role) {
        var a = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(a.id(), username, a.displayName(), role, a.grants());
    }

    private CurrentUser signedInStudent(long studentId) {
        return new CurrentUser(800_000 + Fixtures.next(), "stu", "学生", Role.STUDENT,
                List.of(Grant.of(Role.STUDENT, studentId)));
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }
}
