package org.workstudy.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.positions.internal.EmployerForm;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.Logins;

/** Employers, positions and plans on PostgreSQL, through pages and API, with each role's scope. */
@IntegrationTest
class PositionsIntegrationTest {

    static final String PW = Fixtures.PASSWORD;
    static final CurrentUser CENTER = new CurrentUser(0, "test", "test", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Employers employers;
    @Autowired
    PositionBank bank;
    @Autowired
    PositionsSeed seed;
    @Autowired
    JdbcClient jdbc;

    String center;
    String director;
    long onCampus;

    @BeforeEach
    void people() {
        center = fixtures.account(Grant.school(Role.CENTER_STAFF));
        director = fixtures.account(Grant.school(Role.CENTER_DIRECTOR));
        onCampus = employer(true);
    }

    long employer(boolean campus) {
        return employers.save(CENTER, null, new EmployerForm(campus, "测试单位" + Fixtures.next(), "厦门", "地址",
                "联系人", "13800000000", true));
    }

    static Map<String, Object> position(long employerId) {
        LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employerId", employerId);
        m.put("title", "测试岗位" + Fixtures.next());
        m.put("description", "整理书架");
        m.put("type", "TEMPORARY");
        m.put("timeKinds", List.of("WEEKEND", "EVENING"));
        m.put("place", "图书馆");
        m.put("city", "厦门");
        m.put("capacity", 3);
        m.put("hoursPerShift", "4");
        m.put("hourlyPay", "15.00");
        m.put("workFrom", LocalDate.now(ZONE).toString());
        m.put("workTo", LocalDate.now(ZONE).plusDays(60).toString());
        m.put("opensAt", now.minusDays(1).toString());
        m.put("closesAt", now.plusDays(10).toString());
        m.put("selectionMode", "FIRST_COME");
        m.put("safetyNotes", "岗前安全培训");
        return m;
    }

    static String json(Map<String, Object> m) {
        return m.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PositionsIntegrationTest::value).collect(Collectors.joining(",", "[", "]"));
        }
        return "\"" + v + "\"";
    }

    /** The same position as page form parameters. */
    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, Object> m) {
        m.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                list.forEach(x -> request.param(k, String.valueOf(x)));
            } else if (v != null) {
                request.param(k, String.valueOf(v));
            }
        });
        return request;
    }

    long apiCreate(String user, Map<String, Object> m) throws Exception {
        String body = mvc.perform(post("/api/v1/positions").with(httpBasic(user, PW))
                        .contentType(MediaType.APPLICATION_JSON).content(json(m)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
    }

    void apiStep(String user, long id, String action, int expected) throws Exception {
        mvc.perform(post("/api/v1/positions/" + id + "/" + action).with(httpBasic(user, PW))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"理由\"}"))
                .andExpect(status().is(expected));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(Arrays.asList(params)).query(Long.class).single();
    }

    long written() {
        return count("SELECT count(*) FROM pos_position") + count("SELECT count(*) FROM pos_position_event")
                + count("SELECT count(*) FROM audit_entry WHERE entity_type = 'position'");
    }

    @Test
    void theCenterDraftsSubmitsTheDirectorApprovesAndTheCenterPublishesAndCloses() throws Exception {
        long id = apiCreate(center, position(onCampus));
        apiStep(center, id, "approve", 409);
        apiStep(center, id, "submit", 200);
        apiStep(director, id, "approve", 200);
        apiStep(center, id, "publish", 200);
        PositionView p = bank.find(id).orElseThrow();
        assertThat(p.status()).isEqualTo(PositionStatus.PUBLISHED);
        assertThat(p.openAt(java.time.Instant.now())).isTrue();
        assertThat(p.onCampus()).isTrue();
        assertThat(bank.searchPublished(new PositionQuery(p.title(), null, null, null, null, null, null, null, true),
                0, 10).total()).isEqualTo(1);
        apiStep(center, id, "close", 200);
        assertThat(jdbc.sql("SELECT action FROM pos_position_event WHERE position_id = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("create", "submit", "approve", "publish", "close");
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'position' AND entity_id = ?"
                + " ORDER BY id").param(String.valueOf(id)).query(String.class).list())
                .containsExactly("create", "submit", "approve", "publish", "close");
        Cookie session = Logins.login(mvc, center, PW);
        mvc.perform(get("/positions/" + id).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(p.title())))
                .andExpect(content().string(containsString("已结束")));
    }

    @Test
    void aCollegeRunsItsOwnBankThroughThePagesAndAReturnNeedsAReason() throws Exception {
        long college = fixtures.college();
        String admin = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, college));
        String viceDean = fixtures.account(Grant.of(Role.VICE_DEAN, college));
        Cookie adminSession = Logins.login(mvc, admin, PW);
        Map<String, Object> m = position(onCampus);
        String location = mvc.perform(form(post("/positions").cookie(adminSession).with(csrf()), m))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PositionView p = bank.find(id).orElseThrow();
        assertThat(p.bank()).isEqualTo(BankKind.COLLEGE);
        assertThat(p.bankCollegeId()).isEqualTo(college);
        mvc.perform(post("/positions/" + id + "/submit").cookie(adminSession).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Cookie deanSession = Logins.login(mvc, viceDean, PW);
        mvc.perform(post("/positions/" + id + "/return").cookie(deanSession).with(csrf()))
                .andExpect(flash().attribute("errorKey", "positions.reason.required"));
        mvc.perform(post("/positions/" + id + "/return").param("reason", "请补充岗位职责").cookie(deanSession)
                .with(csrf())).andExpect(flash().attribute("flash", "positions.done.return"));
        assertThat(bank.find(id).orElseThrow().status()).isEqualTo(PositionStatus.DRAFT);
        mvc.perform(post("/positions/" + id + "/submit").cookie(adminSession).with(csrf()));
        mvc.perform(post("/positions/" + id + "/approve").cookie(deanSession).with(csrf()));
        mvc.perform(post("/positions/" + id + "/publish").cookie(adminSession).with(csrf()));
        assertThat(bank.find(id).orElseThrow().status()).isEqualTo(PositionStatus.PUBLISHED);
        mvc.perform(get("/positions/" + id).cookie(deanSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString("请补充岗位职责")));
        // the center does not review a college's bank
        apiStep(director, id, "close", 403);
    }

    @Test
    void aCollegeAdminCannotTouchAnotherCollegesBankByPageOrApi() throws Exception {
        long collegeA = fixtures.college();
        long collegeB = fixtures.college();
        String adminA = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, collegeA));
        String adminB = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, collegeB));
        Map<String, Object> m = position(onCampus);
        long id = apiCreate(adminA, m);
        Cookie session = Logins.login(mvc, adminB, PW);
        mvc.perform(get("/positions/" + id).cookie(session)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString((String) m.get("title")))));
        mvc.perform(get("/positions/" + id + "/edit").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/positions/" + id + "/submit").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(form(post("/positions/" + id).cookie(session).with(csrf()), m)).andExpect(status().isNotFound());
        mvc.perform(get("/positions").param("text", (String) m.get("title")).cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/positions/" + id + "\""))))
                .andExpect(content().string(containsString("id=\"positions\"")));
        mvc.perform(get("/api/v1/positions/" + id).with(httpBasic(adminB, PW))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        apiStep(adminB, id, "submit", 404);
        mvc.perform(put("/api/v1/positions/" + id).with(httpBasic(adminB, PW))
                .contentType(MediaType.APPLICATION_JSON).content(json(m))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/positions").param("text", (String) m.get("title")).with(httpBasic(adminB, PW)))
                .andExpect(jsonPath("$.total").value(0));
        // nor create in another college's bank: the bank follows their own grant
        m.put("bankCollegeId", collegeA);
        long own = apiCreate(adminB, m);
        assertThat(bank.find(own).orElseThrow().bankCollegeId()).isEqualTo(collegeB);
        assertThat(bank.find(id).orElseThrow().status()).isEqualTo(PositionStatus.DRAFT);
    }

    @Test
    void anEmployerSeesOnlyItsOwnPositionsByPageOrApi() throws Exception {
        long mine = employer(true);
        long theirs = employer(true);
        String contact = fixtures.account(Grant.of(Role.EMPLOYER, mine));
        Map<String, Object> other = position(theirs);
        long otherId = apiCreate(center, other);
        long ownId = apiCreate(contact, position(mine));
        assertThat(bank.find(ownId).orElseThrow().bank()).isEqualTo(BankKind.SCHOOL);
        Cookie session = Logins.login(mvc, contact, PW);
        mvc.perform(get("/positions/" + otherId).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/positions/" + ownId).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/positions").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString((String) other.get("title")))));
        mvc.perform(get("/api/v1/positions/" + otherId).with(httpBasic(contact, PW)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/positions").param("size", "200").with(httpBasic(contact, PW)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(ownId));
        mvc.perform(get("/api/v1/employers/" + theirs).with(httpBasic(contact, PW))).andExpect(status().isNotFound());
        mvc.perform(get("/employers/" + theirs).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/employers/" + mine).cookie(session)).andExpect(status().isOk());
        long before = written();
        mvc.perform(post("/api/v1/positions").with(httpBasic(contact, PW)).contentType(MediaType.APPLICATION_JSON)
                .content(json(position(theirs)))).andExpect(status().isForbidden());
        assertThat(written()).isEqualTo(before);
        apiStep(contact, ownId, "submit", 200);
        apiStep(contact, ownId, "approve", 403);
    }

    @Test
    void anOffCampusPositionIsNotPublishedWithAnExpiredAgreement() throws Exception {
        long company = employer(false);
        employers.uploadAgreement(CENTER, company, "协议.pdf", "%PDF-1.4 expired".getBytes(StandardCharsets.US_ASCII),
                LocalDate.now(ZONE).minusDays(1));
        Map<String, Object> m = position(company);
        m.remove("safetyNotes");
        mvc.perform(post("/api/v1/positions").with(httpBasic(center, PW)).contentType(MediaType.APPLICATION_JSON)
                .content(json(m))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:workstudy:positions.safety.required"));
        m.put("safetyNotes", "不从事危险作业");
        long id = apiCreate(center, m);
        assertThat(bank.find(id).orElseThrow().onCampus()).isFalse();
        apiStep(center, id, "submit", 200);
        apiStep(center, id, "approve", 200);
        long events = count("SELECT count(*) FROM pos_position_event WHERE position_id = ?", id);
        mvc.perform(post("/api/v1/positions/" + id + "/publish").with(httpBasic(center, PW)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:workstudy:positions.publish.agreement-invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("三方协议")));
        assertThat(bank.find(id).orElseThrow().status()).isEqualTo(PositionStatus.APPROVED);
        assertThat(count("SELECT count(*) FROM pos_position_event WHERE position_id = ?", id)).isEqualTo(events);
        Cookie session = Logins.login(mvc, center, PW);
        mvc.perform(post("/positions/" + id + "/publish").cookie(session).with(csrf()))
                .andExpect(flash().attribute("errorKey", "positions.publish.agreement-invalid"));
        employers.uploadAgreement(CENTER, company, "新协议.pdf", "%PDF-1.4 renewed".getBytes(StandardCharsets.US_ASCII),
                LocalDate.now(ZONE).plusYears(1));
        apiStep(center, id, "publish", 200);
    }

    @Test
    void agreementUploadsAreJudgedByContentAndSize() throws Exception {
        long company = employer(false);
        Cookie session = Logins.login(mvc, center, PW);
        String expires = LocalDate.now(ZONE).plusYears(1).toString();
        byte[] exe = "MZ\u0090\u0000\u0003 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        long files = count("SELECT count(*) FROM pos_agreement_file");
        mvc.perform(multipart("/employers/" + company + "/agreement")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", exe))
                        .param("expiresOn", expires).cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "positions.agreement.type"));
        mvc.perform(multipart("/api/v1/employers/" + company + "/agreement")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", exe))
                        .param("expiresOn", expires).with(httpBasic(center, PW)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:workstudy:positions.agreement.type"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        mvc.perform(multipart("/employers/" + company + "/agreement")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .param("expiresOn", expires).cookie(session).with(csrf()))
                .andExpect(flash().attribute("errorKey", "positions.agreement.too-large"));
        assertThat(count("SELECT count(*) FROM pos_agreement_file")).isEqualTo(files);
        assertThat(employers.find(company).orElseThrow().agreementId()).isNull();
        byte[] pdf = "%PDF-1.4 real agreement".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/employers/" + company + "/agreement")
                        .file(new MockMultipartFile("file", "协议.pdf", "application/pdf", pdf))
                        .param("expiresOn", expires).cookie(session).with(csrf()))
                .andExpect(flash().attribute("flash", "action.saved"));
        mvc.perform(get("/employers/" + company + "/agreement").cookie(session)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andExpect(content().bytes(pdf));
        // a college admin does not keep employers
        String collegeAdmin = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, fixtures.college()));
        mvc.perform(multipart("/api/v1/employers/" + company + "/agreement")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
                        .param("expiresOn", expires).with(httpBasic(collegeAdmin, PW)))
                .andExpect(status().isForbidden());
    }

    @Test
    void invalidPositionsAreRefusedAndNothingIsWritten() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("positions.pay.below-minimum", with(Map.of("hourlyPay", "14.99")));
        cases.put("positions.capacity.positive", with(Map.of("capacity", 0)));
        cases.put("positions.capacity.positive ", with(Map.of("capacity", -1)));
        cases.put("positions.window.reversed", with(Map.of("closesAt", now.minusDays(2).toString())));
        cases.put("positions.period.reversed", with(Map.of("workTo", LocalDate.now(ZONE).minusDays(1).toString())));
        cases.put("positions.college.unknown", with(Map.of("eligibleCollegeIds", List.of(987654321))));
        cases.put("positions.hours-per-shift.range", with(Map.of("hoursPerShift", "10.5")));
        long before = written();
        for (var c : cases.entrySet()) {
            mvc.perform(post("/api/v1/positions").with(httpBasic(center, PW)).contentType(MediaType.APPLICATION_JSON)
                            .content(json(c.getValue())))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:workstudy:" + c.getKey().trim()));
        }
        Cookie session = Logins.login(mvc, center, PW);
        mvc.perform(form(post("/positions").cookie(session).with(csrf()), with(Map.of("hourlyPay", "14.99"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("低于最低标准")));
        mvc.perform(form(post("/positions").cookie(session).with(csrf()), with(Map.of("capacity", 0))))
                .andExpect(status().isUnprocessableContent());
        assertThat(written()).isEqualTo(before);
        // the minimum itself is fine
        apiCreate(center, with(Map.of("hourlyPay", "15.00")));
        assertThat(written()).isGreaterThan(before);
    }

    Map<String, Object> with(Map<String, Object> changes) {
        Map<String, Object> m = position(onCampus);
        m.putAll(changes);
        return m;
    }

    @Test
    void onlyDraftsAreEditedAndEditsAreAudited() throws Exception {
        Map<String, Object> m = position(onCampus);
        long id = apiCreate(center, m);
        m.put("capacity", 5);
        mvc.perform(put("/api/v1/positions/" + id).with(httpBasic(center, PW)).contentType(MediaType.APPLICATION_JSON)
                .content(json(m))).andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(5));
        assertThat(count("SELECT count(*) FROM audit_entry WHERE entity_type = 'position' AND entity_id = ?"
                + " AND action = 'update' AND changes LIKE '%capacity%'", String.valueOf(id))).isEqualTo(1);
        apiStep(center, id, "submit", 200);
        mvc.perform(put("/api/v1/positions/" + id).with(httpBasic(center, PW)).contentType(MediaType.APPLICATION_JSON)
                .content(json(m))).andExpect(status().isConflict());
    }

    @Test
    void annualPlansAreSavedByTheirKeepersAndShownAgainstActuals() throws Exception {
        long college = fixtures.college();
        String collegeAdmin = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, college));
        String leader = fixtures.account(Grant.school(Role.LEADER));
        Cookie session = Logins.login(mvc, center, PW);
        mvc.perform(post("/plans").param("year", "2031-2032").param("targetPositions", "120")
                        .param("targetPlacements", "900").param("targetHours", "54000")
                        .param("targetHoursPerHardship", "20").param("notes", "全校计划").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "action.saved"));
        mvc.perform(post("/plans").param("year", "2031-2032").param("collegeId", String.valueOf(college))
                        .param("targetPositions", "10").param("targetPlacements", "90").param("targetHours", "5400")
                        .param("targetHoursPerHardship", "20").cookie(session).with(csrf()))
                .andExpect(status().isForbidden());
        Cookie collegeSession = Logins.login(mvc, collegeAdmin, PW);
        mvc.perform(post("/plans").param("year", "2031-2032").param("collegeId", String.valueOf(college))
                        .param("targetPositions", "-1").param("targetPlacements", "90").param("targetHours", "5400")
                        .param("targetHoursPerHardship", "20").cookie(collegeSession).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/plans").param("year", "2031-2032").param("collegeId", String.valueOf(college))
                        .param("targetPositions", "12").param("targetPlacements", "90").param("targetHours", "5400")
                        .param("targetHoursPerHardship", "20").cookie(collegeSession).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans").param("year", "2031-2032").param("targetPositions", "1")
                        .param("targetPlacements", "1").param("targetHours", "1").param("targetHoursPerHardship", "1")
                        .cookie(collegeSession).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans").param("year", "2031-2032").cookie(Logins.login(mvc, leader, PW)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("54,000")))
                .andExpect(content().string(containsString("—")))
                .andExpect(content().string(not(containsString("edit-plan"))));
        mvc.perform(get("/plans").param("year", "2031-2032").cookie(collegeSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString("edit-plan-" + college)));
        assertThat(count("SELECT count(*) FROM pos_annual_plan WHERE academic_year = '2031-2032'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE entity_type = 'annual-plan'")).isGreaterThanOrEqualTo(2);
        mvc.perform(get("/plans").param("year", "2031").cookie(session)).andExpect(status().isBadRequest());
        String employer = fixtures.account(Grant.of(Role.EMPLOYER, onCampus));
        mvc.perform(get("/plans").cookie(Logins.login(mvc, employer, PW))).andExpect(status().isForbidden());
    }

    @Test
    void theCenterCreatesAnEmployerContactAccount() throws Exception {
        Cookie session = Logins.login(mvc, center, PW);
        String username = "emp" + Fixtures.next();
        mvc.perform(post("/employers/" + onCampus + "/contacts").param("username", username)
                        .param("displayName", "联系人").param("initialPassword", "Start1234").cookie(session).with(csrf()))
                .andExpect(flash().attribute("flash", "action.saved"));
        mvc.perform(get("/employers/" + onCampus).cookie(session)).andExpect(content().string(containsString(username)));
        String collegeAdmin = fixtures.account(Grant.of(Role.COLLEGE_ADMIN, fixtures.college()));
        mvc.perform(post("/employers/" + onCampus + "/contacts").param("username", "x" + username)
                        .param("displayName", "x").param("initialPassword", "Start1234")
                        .cookie(Logins.login(mvc, collegeAdmin, PW)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDemoLoadsEmployersAndMostlyOpenPositionsOnce() {
        seed.loadDemo();
        seed.loadDemo();
        assertThat(count("SELECT count(*) FROM pos_employer WHERE name IN ('后勤处', '图书馆', '学生处')")).isEqualTo(3);
        long demo = count("SELECT count(*) FROM pos_position p JOIN pos_employer e ON e.id = p.employer_id"
                + " WHERE e.name IN ('后勤处', '图书馆', '学生处', '信息中心') OR e.name LIKE '%公司' OR e.name LIKE '厦门%'");
        assertThat(demo).isGreaterThanOrEqualTo(40);
        assertThat(bank.searchPublished(new PositionQuery(PositionsSeed.RUSH_TITLE, null, null, null, null, null, null,
                null, true), 0, 10).items()).hasSize(3).allSatisfy(p -> {
                    assertThat(p.capacity()).isEqualTo(3);
                    assertThat(p.selectionMode()).isEqualTo(SelectionMode.FIRST_COME);
                });
        assertThat(bank.searchPublished(new PositionQuery(null, null, null, null, null, null, false, "泉州", true), 0,
                10).total()).isGreaterThan(0);
    }
}
