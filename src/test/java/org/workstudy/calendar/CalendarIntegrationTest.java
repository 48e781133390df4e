package org.workstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.internal.TermForm;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TermCode;
import org.workstudy.support.IntegrationTest;

/**
 * The calendar against PostgreSQL: writes through the facade with their audit trail, rejected writes that leave no
 * trace, the pages by role, the htmx checker and the JSON API. Every test uses its own years from 2050 on, so tests
 * and demo data never meet.
 */
@IntegrationTest
class CalendarIntegrationTest {

    private static final String PASSWORD = "Passw0rd!";

    @Autowired
    AcademicCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;

    @Test
    void termsAndSpecialDaysSavedThroughTheFacadeAreAnsweredAndAudited() {
        Term autumn = calendar.saveTerm(new TermForm(null, "2050-2051-1", d("2050-09-05"), d("2051-01-15")));
        Term spring = calendar.saveTerm(new TermForm(null, "2050-2051-2", d("2051-02-27"), d("2051-07-09")));
        LocalDate holiday = firstWeekdayOn(d("2050-10-03"));
        LocalDate saturday = d("2050-10-08").with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        calendar.addSpecialDay(holiday, SpecialDayKind.HOLIDAY, " 国庆节 ");
        calendar.addSpecialDay(saturday, SpecialDayKind.MAKEUP_WORKDAY, "国庆节调休");

        assertThat(calendar.kindOf(holiday)).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(calendar.kindOf(saturday)).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.kindOf(d("2051-02-01"))).isEqualTo(DayKind.WINTER_VACATION);
        assertThat(calendar.isOutsideClassTime(d("2051-02-01"))).isTrue();
        assertThat(calendar.semesterOf(autumn.code(), d("2051-02-26"))).hasValue(1);
        assertThat(calendar.semesterOf(autumn.code(), d("2051-02-27"))).hasValue(2);
        assertThat(calendar.semesterStart(autumn.code(), 2)).contains(d("2051-02-27"));
        assertThat(calendar.specialDays(2050)).extracting(SpecialDay::name).contains("国庆节", "国庆节调休");

        assertThat(auditCount(AcademicCalendar.TERM, autumn.id(), "create")).isEqualTo(1);
        assertThat(auditCount(AcademicCalendar.TERM, spring.id(), "create")).isEqualTo(1);
        assertThat(auditCount(AcademicCalendar.SPECIAL_DAY, holiday, "create")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT changes FROM audit_entry WHERE entity_type = ? AND entity_id = ?")
                .params(AcademicCalendar.TERM, String.valueOf(autumn.id())).query(String.class).single())
                .contains("2050-2051-1", "2050-09-05");
    }

    @Test
    void badTermsAreRejectedAndWriteNothing() {
        calendar.saveTerm(new TermForm(null, "2052-2053-1", d("2052-09-02"), d("2053-01-12")));
        calendar.saveTerm(new TermForm(null, "2052-2053-2", d("2053-03-03"), d("2053-07-06")));
        long terms = count("cal_term");
        long trail = count("audit_entry");

        assertRejected(new TermForm(null, "2053-2054-1", d("2053-12-01"), d("2053-09-01")),
                "calendar.term.ends-before-start");
        assertRejected(new TermForm(null, "2053-2054-1", d("2053-07-01"), d("2054-01-10")), "calendar.term.overlaps");
        // sharing only the last day is an overlap too
        assertRejected(new TermForm(null, "2053-2054-1", d("2053-07-06"), d("2053-12-01")), "calendar.term.overlaps");
        assertRejected(new TermForm(null, "2053-2054-2", d("2053-11-01"), d("2053-12-20")), "calendar.term.wrong-year");
        assertRejected(new TermForm(null, "2052-2053", d("2053-03-01"), d("2053-07-01")), "calendar.term.code-invalid");
        assertRejected(new TermForm(null, "2053-2054-1", null, d("2054-01-10")), "calendar.term.required");
        // the autumn term of 2053 dated before the spring term of 2053
        assertRejected(new TermForm(null, "2053-2054-1", d("2053-01-20"), d("2053-02-20")), "calendar.term.out-of-order");
        assertThatThrownBy(() -> calendar.saveTerm(new TermForm(null, "2052-2053-1", d("2052-08-01"), d("2052-08-20"))))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.term.code-taken"));

        assertThat(count("cal_term")).isEqualTo(terms);
        assertThat(count("audit_entry")).isEqualTo(trail);
        assertThat(jdbc.sql("SELECT version FROM cal_version").query(Long.class).single()).isPositive();
    }

    @Test
    void aTermChangeAndDeleteAreAuditedWithTheirValues() {
        Term term = calendar.saveTerm(new TermForm(null, "2054-2055-1", d("2054-09-07"), d("2055-01-17")));
        Term changed = calendar.saveTerm(new TermForm(term.id(), "2054-2055-1", d("2054-09-07"), d("2055-01-10")));
        assertThat(changed.endsOn()).isEqualTo(d("2055-01-10"));
        assertThat(calendar.term(term.id())).contains(changed);
        assertThat(jdbc.sql("SELECT changes FROM audit_entry WHERE entity_type = ? AND entity_id = ? AND action = 'update'")
                .params(AcademicCalendar.TERM, String.valueOf(term.id())).query(String.class).single())
                .isEqualTo("{\"endsOn\":[\"2055-01-17\",\"2055-01-10\"]}");

        calendar.deleteTerm(term.id());
        assertThat(calendar.term(term.id())).isEmpty();
        assertThat(auditCount(AcademicCalendar.TERM, term.id(), "delete")).isEqualTo(1);
        assertThatThrownBy(() -> calendar.deleteTerm(term.id())).isInstanceOf(BusinessException.class);
    }

    @Test
    void specialDayRulesAndRemovalAreEnforcedAndAudited() {
        LocalDate monday = d("2056-05-01").with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        long trail = count("audit_entry");
        assertThatThrownBy(() -> calendar.addSpecialDay(monday, SpecialDayKind.MAKEUP_WORKDAY, "调休"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.special.makeup-not-weekend"));
        assertThatThrownBy(() -> calendar.addSpecialDay(monday, SpecialDayKind.HOLIDAY, " "))
                .isInstanceOf(BusinessException.class);
        assertThat(count("audit_entry")).isEqualTo(trail);

        calendar.addSpecialDay(monday, SpecialDayKind.HOLIDAY, "劳动节");
        assertThatThrownBy(() -> calendar.addSpecialDay(monday, SpecialDayKind.HOLIDAY, "劳动节"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.special.exists"));
        calendar.removeSpecialDay(monday);
        assertThat(calendar.specialDays(2056)).isEmpty();
        assertThat(auditCount(AcademicCalendar.SPECIAL_DAY, monday, "delete")).isEqualTo(1);
    }

    @Test
    void anotherInstanceSeesAWriteAtItsNextVersionCheck() {
        AcademicCalendar other = new AcademicCalendar(new CalendarStore(jdbc), audit, java.time.Clock.systemDefaultZone(), 0);
        calendar.saveTerm(new TermForm(null, "2057-2058-1", d("2057-09-03"), d("2058-01-13")));
        LocalDate day = d("2057-10-01").with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        assertThat(other.kindOf(day)).isEqualTo(DayKind.TERM_WEEKDAY);
        calendar.addSpecialDay(day, SpecialDayKind.HOLIDAY, "国庆节");
        assertThat(other.kindOf(day)).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(calendar.kindOf(day)).isEqualTo(DayKind.PUBLIC_HOLIDAY);
    }

    @Test
    void theStandardCalendarLoadsOnceAndThenDoesNothing() {
        AcademicCalendar.SeedResult first = calendar.loadStandardCalendar(2060, 2061);
        assertThat(first.terms()).isEqualTo(4);
        assertThat(first.specialDays()).isPositive();
        assertThat(calendar.loadStandardCalendar(2060, 2061)).isEqualTo(new AcademicCalendar.SeedResult(0, 0));
        assertThat(calendar.kindOf(d("2060-10-01"))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(calendar.semesterOf(TermCode.parse("2060-2061-1"), d("2062-03-15"))).hasValue(4);
    }

    @Test
    void anAdministratorEditsTheCalendarPageAndBadInputShowsAChineseMessage() throws Exception {
        Session admin = login(Role.ADMIN);
        calendar.saveTerm(new TermForm(null, "2064-2065-1", d("2064-09-01"), d("2065-01-11")));
        mvc.perform(admin.on(get("/admin/calendar").param("year", "2064")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2064-2065-1")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"term-form\"")));

        MvcResult bad = mvc.perform(admin.on(post("/admin/calendar/terms").with(csrf())
                        .param("code", "2064-2065-2").param("startsOn", "2065-07-01").param("endsOn", "2065-03-01")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "calendar.term.ends-before-start"))
                .andReturn();
        mvc.perform(admin.on(get("/admin/calendar")).flashAttrs(bad.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("结束日期 2065-03-01 早于开学日期 2065-07-01")));

        MvcResult wrongYear = mvc.perform(admin.on(post("/admin/calendar/terms").with(csrf())
                        .param("code", "2064-2065-2").param("startsOn", "2064-11-01").param("endsOn", "2064-12-01")))
                .andExpect(flash().attribute("errorKey", "calendar.term.wrong-year")).andReturn();
        mvc.perform(admin.on(get("/admin/calendar")).flashAttrs(wrongYear.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("学期 2064-2065-2 应在 2065 年开学")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2064-11-01\"")));

        mvc.perform(admin.on(post("/admin/calendar/terms").with(csrf())
                        .param("code", "2064-2065-2").param("startsOn", "2065-02-3x").param("endsOn", "2065-07-01")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "calendar.date.invalid"));

        mvc.perform(admin.on(post("/admin/calendar/terms").with(csrf())
                        .param("code", "2064-2065-2").param("startsOn", "2065-02-27").param("endsOn", "2065-07-08")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "action.saved"));
        assertThat(calendar.kindOf(d("2065-02-01"))).isEqualTo(DayKind.WINTER_VACATION);

        mvc.perform(admin.on(post("/admin/calendar/special-days").with(csrf())
                        .param("date", "2064-10-01").param("kind", "HOLIDAY").param("name", "国庆节")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "action.saved"));
        assertThat(calendar.kindOf(d("2064-10-01"))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE entity_type = ? AND entity_id = '2064-10-01'")
                .param(AcademicCalendar.SPECIAL_DAY).query(String.class).single()).isEqualTo(admin.username());

        mvc.perform(admin.on(post("/admin/calendar/special-days/2064-10-01/delete").with(csrf())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "calendar.special.removed"));
    }

    @Test
    void anEmptyTermFieldIsRefusedBesideTheFieldAndNothingIsWritten() throws Exception {
        Session admin = login(Role.ADMIN);
        String html = mvc.perform(admin.on(post("/admin/calendar/terms").with(csrf())
                        .param("code", " ").param("startsOn", "2068-09-03").param("endsOn", "")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(input(html, "term-code")).contains("is-invalid");
        assertThat(input(html, "term-end")).contains("is-invalid");
        assertThat(input(html, "term-start")).doesNotContain("is-invalid").contains("value=\"2068-09-03\"");
        assertThat(html).contains("请填写学期代码。", "请填写结束日期。").doesNotContain("请填写开学日期。");
        assertThat(calendar.terms()).noneMatch(t -> t.startsOn().equals(d("2068-09-03")));
    }

    @Test
    void staffWithoutAdminReadTheCalendarButMayNotEditIt() throws Exception {
        Session staff = login(Role.CENTER_STAFF);
        mvc.perform(staff.on(get("/admin/calendar"))).andExpect(status().isForbidden());
        mvc.perform(staff.on(post("/admin/calendar/terms").with(csrf()).param("code", "2066-2067-1")
                .param("startsOn", "2066-09-06").param("endsOn", "2067-01-16"))).andExpect(status().isForbidden());
        assertThat(calendar.terms()).extracting(t -> t.code().toString()).doesNotContain("2066-2067-1");
        mvc.perform(staff.on(get("/calendar")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("id=\"term-form\""))));
    }

    @Test
    void aStudentSeesNeitherCalendarPage() throws Exception {
        Session student = login(Grant.of(Role.STUDENT, 9_000_001L));
        mvc.perform(student.on(get("/admin/calendar"))).andExpect(status().isForbidden());
        mvc.perform(student.on(get("/calendar"))).andExpect(status().isForbidden());
    }

    @Test
    void theAdminPageRendersTermsVacationsAndSpecialDays() throws Exception {
        calendar.saveTerm(new TermForm(null, "2072-2073-1", d("2072-09-05"), d("2073-01-15")));
        calendar.saveTerm(new TermForm(null, "2072-2073-2", d("2073-02-27"), d("2073-07-09")));
        calendar.addSpecialDay(d("2073-01-01"), SpecialDayKind.HOLIDAY, "元旦");
        Session admin = login(Role.ADMIN);
        String html = mvc.perform(admin.on(get("/admin/calendar").param("year", "2073")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/calendar-admin-page.html"), html);
        assertThat(html).contains("2073-01-16", "2073-02-26", "42", "寒假", "元旦", "2073 年法定节假日与调休");
        mvc.perform(admin.on(get("/admin/calendar").param("year", "twenty")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是有效年份")));
    }

    @Test
    void theCheckerAnswersAsAnHtmxFragmentAndExplainsBadInput() throws Exception {
        calendar.saveTerm(new TermForm(null, "2068-2069-1", d("2068-09-03"), d("2069-01-13")));
        calendar.saveTerm(new TermForm(null, "2068-2069-2", d("2069-02-25"), d("2069-07-07")));
        Session staff = login(Role.CENTER_STAFF);
        mvc.perform(staff.on(get("/calendar/check").header("HX-Request", "true")
                        .param("date", "2069-02-01").param("enrolmentTerm", "2068-2069-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-kind=\"WINTER_VACATION\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-semester=\"1\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("寒假")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
        mvc.perform(staff.on(get("/calendar/check").header("HX-Request", "true").param("date", "2069-13-01")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是有效日期")));
        mvc.perform(staff.on(get("/calendar/check").param("date", "2069-03-04").param("enrolmentTerm", "2069")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("学期代码")));
    }

    @Test
    void theJsonApiAnswersDaysAndSemesters() throws Exception {
        calendar.saveTerm(new TermForm(null, "2070-2071-1", d("2070-09-01"), d("2071-01-11")));
        calendar.saveTerm(new TermForm(null, "2070-2071-2", d("2071-02-23"), d("2071-07-05")));
        Session staff = login(Role.CENTER_STAFF);
        mvc.perform(get("/api/v1/calendar/days/2071-02-01").with(httpBasic(staff.username(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2071-02-01"))
                .andExpect(jsonPath("$.kind").value("WINTER_VACATION"))
                .andExpect(jsonPath("$.countsWithoutEvening").value(true))
                .andExpect(jsonPath("$.term").value("2070-2071-1"))
                .andExpect(jsonPath("$.provisional").value(true));
        // a published year says so too
        mvc.perform(get("/api/v1/calendar/days/2025-10-01").with(httpBasic(staff.username(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false));
        mvc.perform(get("/api/v1/calendar/semester").with(httpBasic(staff.username(), PASSWORD))
                        .param("enrolmentTerm", "2070-2071-1").param("date", "2071-03-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.semester").value(2));
        mvc.perform(get("/api/v1/calendar/days/2071-02-30").with(httpBasic(staff.username(), PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:workstudy:calendar.date.invalid"));
        mvc.perform(get("/api/v1/calendar/days/2071-02-01")).andExpect(status().isUnauthorized());
    }

    // ---------------------------------------------------------------- helpers

    /** A signed-in browser: the session cookie of Spring Session (and the mock session, if one was used). */
    /** The input element with that id, as rendered. */
    private static String input(String html, String id) {
        var m = java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("input #" + id).isTrue();
        return m.group();
    }

    record Session(String username, Cookie cookie, MockHttpSession session) {
        MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
            if (cookie != null) {
                request.cookie(cookie);
            }
            if (session != null) {
                request.session(session);
            }
            return request;
        }
    }

    private Session login(Role role) throws Exception {
        return login(Grant.school(role));
    }

    private Session login(Grant grant) throws Exception {
        String username = "cal-" + grant.role().name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "校历测试", PASSWORD, false, List.of(grant)));
        MvcResult result = mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return new Session(username, result.getResponse().getCookie("SESSION"),
                (MockHttpSession) result.getRequest().getSession(false));
    }

    private void assertRejected(TermForm form, String key) {
        assertThatThrownBy(() -> calendar.saveTerm(form))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private long auditCount(String type, Object id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = ? AND entity_id = ? AND action = ?")
                .params(type, String.valueOf(id), action).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static LocalDate firstWeekdayOn(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
