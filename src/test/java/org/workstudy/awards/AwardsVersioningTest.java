package org.workstudy.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.awards.internal.AwardLines.AwardList;
import org.workstudy.awards.internal.AwardLines.StudentAward;
import org.workstudy.awards.internal.AwardLines;
import org.workstudy.awards.internal.AwardLists;
import org.workstudy.awards.internal.AwardSettings;
import org.workstudy.awards.internal.Reason;
import org.workstudy.awards.internal.ThresholdForm;
import org.workstudy.awards.internal.ThresholdVersion;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.statistics.StatisticsRefresh;
import org.workstudy.statistics.StatsFilter;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Threshold versions: a new version applies from its date, so the years judged before it keep their results and
 * the year judged today moves; dates in the past, bad numbers and two versions on one day are refused naming the
 * field. Each test runs in a transaction that is rolled back (the versions it adds do not reach other tests).
 */
@IntegrationTest
@Transactional
class AwardsVersioningTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired Fixtures school;
    @Autowired StatisticsRefresh refresh;
    @Autowired AwardSettings settings;
    @Autowired AwardLists lists;
    @Autowired AwardRecords records;
    @Autowired org.workstudy.organization.Roster roster;

    long college;
    List<Long> students;
    CurrentUser viceDean;
    CurrentUser director;

    @BeforeEach
    void aCollegeWithoutHours() {
        college = school.college();
        long classId = school.schoolClass(college);
        students = List.of(school.student(classId), school.student(classId), school.student(classId));
        refresh.refresh(students);
        viceDean = user(Role.VICE_DEAN, Grant.of(Role.VICE_DEAN, college));
        director = user(Role.CENTER_DIRECTOR, Grant.school(Role.CENTER_DIRECTOR));
    }

    @Test
    void aNewVersionFromTodayChangesTodaysYearButNotAYearJudgedBefore() {
        LocalDate today = settings.today();
        StatsFilter lastYear = lists.filter(StatsFilter.yearOf(today.minusYears(1)), college);
        StatsFilter thisYear = lists.filter(StatsFilter.yearOf(today), college);
        AwardList<StudentAward> before = lists.students(viceDean, lastYear, ZH);
        assertThat(before.eligible()).isEmpty(); // no hours: 0 < 72
        long initial = before.version().id();
        assertThat(lists.students(viceDean, thisYear, ZH).eligible()).isEmpty();

        ThresholdVersion added = settings.create(director, form(today.toString(), "0"));

        AwardList<StudentAward> after = lists.students(viceDean, lastYear, ZH);
        assertThat(after.version().id()).isEqualTo(initial);
        assertThat(after.eligible()).isEqualTo(before.eligible());
        assertThat(after.near()).isEqualTo(before.near());
        AwardList<StudentAward> now = lists.students(viceDean, thisYear, ZH);
        assertThat(now.version().id()).isEqualTo(added.id());
        assertThat(now.eligible()).extracting(StudentAward::studentId).containsExactlyInAnyOrderElementsOf(students);
        assertThat(now.eligible().get(0).verdict().met()).extracting(Reason::text)
                .contains("本学年计入 0 小时，不少于 0 小时", "评定日无有效处分");
        // the version before now ends the day before the new one starts
        assertThat(settings.versions()).filteredOn(v -> v.id() == initial).singleElement()
                .satisfies(v -> assertThat(v.effectiveUntil()).isEqualTo(today.minusDays(1)));
    }

    @Test
    void aYearThatHasEndedIsJudgedOnTheStandingsOfItsLastDayTheRunningYearOnTodays() {
        LocalDate today = settings.today();
        StatsFilter lastYear = lists.filter(StatsFilter.yearOf(today.minusYears(1)), college);
        AwardList<StudentAward> last = lists.students(viceDean, lastYear, ZH);
        assertThat(last.standingsOfDay()).isTrue();
        assertThat(last.evaluationDay()).isEqualTo(lastYear.until().minusDays(1));
        assertThat(lists.classes(viceDean, lastYear, ZH).standingsOfDay()).isTrue();
        assertThat(lists.counselors(viceDean, lastYear, ZH).standingsOfDay()).isTrue();
        AwardList<StudentAward> now = lists.students(viceDean, lists.filter(StatsFilter.yearOf(today), college), ZH);
        assertThat(now.standingsOfDay()).isFalse();
        assertThat(now.evaluationDay()).isEqualTo(today);
    }

    @Test
    void aVersionFromTomorrowDoesNotApplyToday() {
        LocalDate today = settings.today();
        ThresholdVersion tomorrow = settings.create(director, form(today.plusDays(1).toString(), "0"));
        assertThat(settings.forDay(today).id()).isNotEqualTo(tomorrow.id());
        assertThat(settings.forDay(today.plusDays(1)).id()).isEqualTo(tomorrow.id());
        assertThat(lists.students(viceDean, lists.filter(null, college), ZH).eligible()).isEmpty();
    }

    @Test
    void aPenaltyInForceOnTheEvaluationDayLeavesTheStudentJustBelow() {
        LocalDate today = settings.today();
        settings.create(director, form(today.toString(), "0"));
        String no = roster.find(students.get(0)).orElseThrow().studentNo();
        CurrentUser center = user(Role.CENTER_STAFF, Grant.school(Role.CENTER_STAFF));
        AwardRecord penalty = records.record(center, new AwardRecordForm(no, "NO_SHOW", "两次未到岗",
                today.toString(), today.toString()));
        assertThat(penalty.penalty()).isTrue();
        StatsFilter thisYear = lists.filter(StatsFilter.yearOf(today), college);
        AwardList<StudentAward> now = lists.students(viceDean, thisYear, ZH);
        assertThat(now.eligible()).extracting(StudentAward::studentId).doesNotContain(students.get(0)).hasSize(2);
        assertThat(now.near()).singleElement().satisfies(s -> {
            assertThat(s.studentId()).isEqualTo(students.get(0));
            assertThat(s.verdict().lacks()).extracting(Reason::text)
                    .containsExactly("有效处分：未按时到岗（至 " + today + "）");
        });
        // a reward changes nothing
        records.record(center, new AwardRecordForm(no, "PRAISE", "主动加班", today.toString(), null));
        assertThat(lists.students(viceDean, thisYear, ZH).near()).hasSize(1);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        LocalDate today = settings.today();
        assertRefused(() -> settings.create(director, form(today.minusDays(1).toString(), "72")), "effectiveFrom",
                "awards.settings.past");
        assertRefused(() -> settings.create(director, form("2026-02-30", "72")), "effectiveFrom",
                "awards.settings.date");
        assertRefused(() -> settings.create(director, form(today.toString(), "-1")), "studentYearHours",
                "awards.settings.hours");
        assertRefused(() -> settings.create(director, form(today.toString(), "七十二")), "studentYearHours",
                "awards.settings.number");
        ThresholdForm percent = new ThresholdForm(today.toString(), "72", "", "100.01", "80", "7", "90", "24", "10",
                null);
        assertRefused(() -> settings.create(director, percent), "classOnTrackPercent", "awards.settings.percent");
        ThresholdForm days = new ThresholdForm(today.toString(), "72", "", "80", "80", "0", "90", "24", "10", null);
        assertRefused(() -> settings.create(director, days), "confirmDeadlineDays", "awards.settings.days");
        ThresholdForm boundary = new ThresholdForm(today.toString(), "0", "", "100", "0", "60", "100", "0", "0", null);
        assertThat(settings.create(director, boundary).classOnTrackPercent()).isEqualByComparingTo("100");
        assertRefused(() -> settings.create(director, form(today.toString(), "72")), "effectiveFrom",
                "awards.settings.same-day");
        CurrentUser staff = user(Role.CENTER_STAFF, Grant.school(Role.CENTER_STAFF));
        assertThatThrownBy(() -> settings.create(staff, form(today.plusDays(3).toString(), "72")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void badRecordsAreRefusedNamingTheField() {
        LocalDate today = settings.today();
        String no = roster.find(students.get(1)).orElseThrow().studentNo();
        CurrentUser center = user(Role.CENTER_STAFF, Grant.school(Role.CENTER_STAFF));
        String d = today.toString();
        assertRefused(() -> records.record(center, new AwardRecordForm("NOPE-1", "PRAISE", "x", d, null)),
                "studentNo", "awards.record.student-unknown");
        assertRefused(() -> records.record(center, new AwardRecordForm(no, "BRAVERY", "x", d, null)), "category",
                "awards.record.category");
        assertRefused(() -> records.record(center, new AwardRecordForm(no, "PRAISE", " ", d, null)), "reason",
                "awards.record.reason-required");
        assertRefused(() -> records.record(center, new AwardRecordForm(no, "PRAISE", "x",
                today.plusDays(1).toString(), null)), "decidedOn", "awards.record.decided-future");
        assertRefused(() -> records.record(center, new AwardRecordForm(no, "NO_SHOW", "x", d, null)), "validUntil",
                "awards.record.until-required");
        assertRefused(() -> records.record(center, new AwardRecordForm(no, "NO_SHOW", "x", d,
                today.minusDays(1).toString())), "validUntil", "awards.record.until-before");
        assertRefused(() -> records.record(center, new AwardRecordForm(no, "PRAISE", "x", d, d)), "validUntil",
                "awards.record.until-reward");
        assertThatThrownBy(() -> records.record(viceDean, new AwardRecordForm(no, "PRAISE", "x", d, null)))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    static ThresholdForm form(String from, String hours) {
        return new ThresholdForm(from, hours, "", "80", "80", "7", "90", "24", "10", "测试");
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    static CurrentUser user(Role role, Grant grant) {
        return new CurrentUser(900_000 + Fixtures.next(), "awards-" + role, "评优测试", role, List.of(grant));
    }
}
