package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Every page route and API operation the application maps, called by every role and by a visitor, with an id inside
 * the scoped roles' scope and one outside it; each outcome is compared with {@link AuthorizationRules}. A mapping
 * without a rule fails the test. Each call runs in a transaction that is rolled back, so that the walk changes
 * nothing and calls do not depend on each other.
 */
@IntegrationTest
class AuthorizationMatrixTest {

    MockMvc mvc;
    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    List<org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver> templateResolvers;
    @Autowired
    org.workstudy.placements.SelfArrangedWork selfArranged;
    @Autowired
    org.workstudy.notices.NoticeFixtures notices;

    /** Who calls: each role (with its scoped grants over world A) and a visitor. */
    enum Caller {
        ANONYMOUS(null), ADMIN(Role.ADMIN), CENTER_DIRECTOR(Role.CENTER_DIRECTOR), CENTER_STAFF(Role.CENTER_STAFF),
        ACADEMIC_AFFAIRS(Role.ACADEMIC_AFFAIRS), LEADER(Role.LEADER), VICE_DEAN(Role.VICE_DEAN),
        COLLEGE_ADMIN(Role.COLLEGE_ADMIN), COUNSELOR(Role.COUNSELOR), EMPLOYER(Role.EMPLOYER),
        STUDENT(Role.STUDENT);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /**
     * The test profile re-reads templates on every request (for editing them while the application runs); the matrix
     * renders each page a dozen times, so it lets the engine keep what it parsed while it runs.
     */
    @Test
    void everyMappingAnswersEveryCallerAsItsRuleSays() throws Exception {
        Map<org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver, Boolean> caching = new LinkedHashMap<>();
        templateResolvers.forEach(r -> caching.put(r, r.isCacheable()));
        templateResolvers.forEach(r -> r.setCacheable(true));
        World world = World.build(jdbc, selfArranged, notices, fixtures);
        try {
            walk(world);
        } finally {
            caching.forEach((r, cacheable) -> r.setCacheable(cacheable));
            world.removeAwardRecords(jdbc);
        }
    }

    /**
     * MockMvc as the application's tests get it (every filter, Spring Security), but without recording each exchange
     * for printing: thousands of exchanges with their bodies would be kept for nothing.
     */
    private MockMvc quietMockMvc() {
        var builder = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context);
        context.getBeanProvider(org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer.class)
                .orderedStream()
                .filter(c -> !(c instanceof org.springframework.boot.webmvc.test.autoconfigure
                        .SpringBootMockMvcBuilderCustomizer))
                .forEach(c -> c.customize(builder));
        var filters = new org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer(context);
        filters.setAddFilters(true);
        filters.setPrint(org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE);
        filters.customize(builder);
        return builder.build();
    }

    private void walk(World world) throws Exception {
        mvc = quietMockMvc();
        known = world.fieldValues();
        List<Endpoint> endpoints = endpoints();
        Map<Caller, UsernamePasswordAuthenticationToken> signedIn = callers(world, fixtures, users);

        Map<String, AuthorizationRules.Rule> rules = AuthorizationRules.parse();
        List<String> unknown = endpoints.stream().map(Endpoint::key).filter(k -> !rules.containsKey(k)).toList();
        List<String> stale = rules.keySet().stream()
                .filter(k -> endpoints.stream().noneMatch(e -> e.key().equals(k))).toList();

        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Endpoint e : endpoints) {
            AuthorizationRules.Rule rule = rules.get(e.key());
            StringBuilder line = new StringBuilder(e.key());
            long started = System.nanoTime();
            for (Caller caller : Caller.values()) {
                line.append("  ").append(caller.name()).append('=');
                for (boolean inScope : e.hasIds() ? new boolean[] {true, false} : new boolean[] {true}) {
                    String outcome = call(e, world, inScope, signedIn.get(caller));
                    cells++;
                    line.append(outcome).append(inScope && e.hasIds() ? "/" : "");
                    String expected = rule == null ? null : rule.expected(caller, inScope, e.api());
                    if (outcome.startsWith("EXC") || outcome.startsWith("5")) {
                        failures.add(e.key() + " as " + caller + (inScope ? " (in scope)" : " (out of scope)")
                                + ": " + outcome);
                    } else if (expected != null && !AuthorizationRules.matches(expected, outcome)) {
                        failures.add(e.key() + " as " + caller + (inScope ? " (in scope)" : " (out of scope)")
                                + ": expected " + expected + ", got " + outcome);
                    }
                }
            }
            line.append("  ").append((System.nanoTime() - started) / 1_000_000).append(" ms");
            report.append(line).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorization-matrix.txt"), world + "\n" + report + "cells: " + cells + "\n");
        System.out.println("authorization matrix: " + endpoints.size() + " mappings x " + Caller.values().length
                + " callers x in/out of scope = " + cells + " cells");
        assertThat(unknown).as("mappings without a rule in AuthorizationRules: add one saying who may call them")
                .isEmpty();
        assertThat(stale).as("rules for mappings that no longer exist").isEmpty();
        assertThat(failures).as("cells whose outcome differs from AuthorizationRules (see"
                + " target/authorization-matrix.txt)").isEmpty();
    }

    private String call(Endpoint e, World world, boolean inScope, UsernamePasswordAuthenticationToken auth) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            try {
                MvcResult r = mvc.perform(request(e, world, inScope, auth)).andReturn();
                int code = r.getResponse().getStatus();
                String location = r.getResponse().getRedirectedUrl();
                if (code / 100 == 3 && location != null && location.contains("/login")) {
                    return "LOGIN";
                }
                if (code / 100 == 3 && r.getFlashMap().get("errorKey") != null) {
                    return code + "!";
                }
                return String.valueOf(code);
            } catch (Exception ex) {
                Throwable root = ex;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return "EXC:" + root.getClass().getSimpleName() + "(" + root.getMessage() + ")";
            }
        });
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint e, World world, boolean inScope,
            UsernamePasswordAuthenticationToken auth) {
        String uri = e.pattern();
        for (String variable : e.variables()) {
            uri = uri.replaceFirst("\\{" + variable + "(:[^}]*)?}", world.value(e, variable, inScope));
        }
        AbstractMockHttpServletRequestBuilder<?> b;
        if (e.multipart()) {
            var m = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(e.method()), uri);
            for (String part : e.fileParts()) {
                m.file(new MockMultipartFile(part, "a.pdf", "application/pdf", "%PDF-1.4\n".getBytes()));
            }
            e.jsonParts().forEach((part, json) -> m.file(new MockMultipartFile(part, "", "application/json",
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            b = m;
        } else {
            b = MockMvcRequestBuilders.request(HttpMethod.valueOf(e.method()), uri);
        }
        if (e.htmx()) {
            b.header("HX-Request", "true");
        }
        e.requiredParams().forEach(b::param);
        if (e.jsonBody() != null) {
            b.contentType(MediaType.APPLICATION_JSON).content(e.jsonBody());
        }
        if (!e.method().equals("GET")) {
            b.with(csrf());
        }
        if (auth != null) {
            b.with(authentication(auth));
        }
        return b;
    }

    /** A signed-in user per role, holding world A's college, classes, employer or student (also for the fuzz walk). */
    static Map<Caller, UsernamePasswordAuthenticationToken> callers(World world, Fixtures fixtures,
            UserDetailsService users) {
        Map<Caller, UsernamePasswordAuthenticationToken> map = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            if (c.role == null) {
                continue;
            }
            String username = switch (c.role.scopeKind()) {
                case SCHOOL -> fixtures.account(Grant.school(c.role));
                case COLLEGE -> fixtures.account(Grant.of(c.role, world.collegeA));
                case CLASS -> fixtures.account(world.classesA.stream().map(id -> Grant.of(c.role, id))
                        .toArray(Grant[]::new));
                case EMPLOYER -> fixtures.account(Grant.of(c.role, world.employerA));
                case SELF -> {
                    String name = world.studentAUsername;
                    fixtures.password(name);
                    yield name;
                }
            };
            UserDetails details = users.loadUserByUsername(username);
            map.put(c, UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        }
        return map;
    }

    /** One handler mapping: a method and a path pattern, with what its handler needs to be reached. */
    record Endpoint(String method, String pattern, List<String> variables, Map<String, String> requiredParams,
            String jsonBody, boolean multipart, List<String> fileParts, Map<String, String> jsonParts, boolean htmx) {

        String key() {
            return method + " " + pattern;
        }

        boolean hasIds() {
            return !variables.isEmpty();
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    /** Values for parameters and body fields whose name says what they are (a student id, a cohort), from world A. */
    private Map<String, String> known = Map.of();

    private List<Endpoint> endpoints() {
        List<Endpoint> list = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = m.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.workstudy")) {
                continue;
            }
            Set<String> patterns = m.getKey().getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = m.getKey().getMethodsCondition()
                    .getMethods();
            Map<String, String> params = new TreeMap<>();
            boolean json = false;
            String body = null;
            Map<String, String> jsonParts = new TreeMap<>();
            List<String> files = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                Class<?> type = p.getParameterType();
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                RequestPart part = p.getParameterAnnotation(RequestPart.class);
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    json = true;
                    body = jsonOf(type);
                } else if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.ModelAttribute.class)
                        && type.isRecord()) {
                    for (var c : type.getRecordComponents()) {
                        String v = dummy(c.getName(), c.getType(), c.getGenericType());
                        if (v != null) {
                            params.put(c.getName(), v);
                        }
                    }
                } else if (part != null || (rp != null && MultipartFile.class.isAssignableFrom(type))) {
                    String name = part != null ? nameOf(part.name(), part.value(), p) : nameOf(rp.name(), rp.value(), p);
                    if (MultipartFile.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)) {
                        files.add(name);
                    } else if (type.isRecord()) {
                        jsonParts.put(name, jsonOf(type));
                    } else {
                        params.put(name, String.valueOf(dummy(p)));
                    }
                } else if (rp != null && !Map.class.isAssignableFrom(type)
                        && rp.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
                        && (rp.required() || type == String.class) && dummy(p) != null) {
                    params.put(nameOf(rp.name(), rp.value(), p), dummy(p));
                }
            }
            boolean multipart = !files.isEmpty() || m.getKey().getConsumesCondition().getConsumableMediaTypes()
                    .contains(MediaType.MULTIPART_FORM_DATA);
            for (String pattern : patterns.stream().flatMap(AuthorizationMatrixTest::alternatives).toList()) {
                List<String> variables = new ArrayList<>();
                var matcher = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    list.add(new Endpoint(method.name(), pattern, variables, params, body, multipart, files, jsonParts,
                            m.getKey().getCustomCondition() != null));
                }
            }
        }
        list.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return list;
    }

    /** {@code /org/{kind:students|staff}/import} is two routes: each alternative of such a variable is one. */
    private static java.util.stream.Stream<String> alternatives(String pattern) {
        var m = java.util.regex.Pattern.compile("\\{[^}:]+:([a-z-]+(\\|[a-z-]+)+)}").matcher(pattern);
        if (!m.find()) {
            return java.util.stream.Stream.of(pattern);
        }
        return java.util.Arrays.stream(m.group(1).split("\\|"))
                .flatMap(word -> alternatives(pattern.substring(0, m.start()) + word + pattern.substring(m.end())));
    }

    private static String nameOf(String name, String value, MethodParameter p) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : p.getParameterName();
    }

    /** A well-formed value of the parameter's type, so that the call reaches the handler's own checks. */
    private String dummy(MethodParameter p) {
        return dummy(p.getParameterName(), p.getParameterType(), p.getGenericParameterType());
    }

    private String dummy(String name, Class<?> t, java.lang.reflect.Type generic) {
        if (name != null && known.containsKey(name) && known.get(name) == null) {
            return null;
        }
        if (name != null && known.containsKey(name)) {
            return known.get(name);
        }
        if (java.util.Collection.class.isAssignableFrom(t)) {
            Class<?> element = org.springframework.core.ResolvableType.forType(generic).getGeneric(0).resolve();
            return element == null ? "1" : dummy(null, element, element);
        }
        if (t == java.time.LocalDate.class) {
            return "2026-03-02";
        }
        if (t == java.time.LocalTime.class) {
            return "09:00";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true";
        }
        if (t.isEnum()) {
            return ((Enum<?>) t.getEnumConstants()[0]).name();
        }
        if (t == String.class || Number.class.isAssignableFrom(t) || t.isPrimitive()) {
            return "1";
        }
        return null;
    }

    /** A JSON body with every field of the record filled in with a well-formed value. */
    private String jsonOf(Class<?> type) {
        if (!type.isRecord()) {
            return "{}";
        }
        List<String> fields = new ArrayList<>();
        for (var c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            String value;
            if (java.util.Collection.class.isAssignableFrom(t)) {
                String v = dummy(c.getName(), t, c.getGenericType());
                value = v == null ? "[]" : "[" + quoted(v, org.springframework.core.ResolvableType
                        .forType(c.getGenericType()).getGeneric(0).resolve()) + "]";
            } else if (t.isRecord()) {
                value = jsonOf(t);
            } else {
                String v = dummy(c.getName(), t, c.getGenericType());
                value = v == null ? "null" : quoted(v, t);
            }
            fields.add("\"" + c.getName() + "\":" + value);
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String quoted(String value, Class<?> t) {
        boolean bare = t != null && (t.isPrimitive() || Number.class.isAssignableFrom(t) || t == Boolean.class);
        return bare ? value : "\"" + value + "\"";
    }

    /**
     * World A holds the scoped roles' college, classes, employer and student; world B another college's and another
     * employer's. Each path variable gets an id of world A (in scope) or of world B (out of scope).
     */
    static final class World {
        long collegeA;
        long collegeB;
        List<Long> classesA;
        long employerA;
        String studentAUsername;
        final Map<String, long[]> ids = new LinkedHashMap<>();
        final Map<String, String[]> texts = new LinkedHashMap<>();

        static World build(JdbcClient jdbc, org.workstudy.placements.SelfArrangedWork selfArranged,
                org.workstudy.notices.NoticeFixtures notices, Fixtures fixtures) {
            World w = new World();
            // The college and student with the most history, so that every kind of record has one of theirs.
            String activity = "(SELECT count(*) FROM plc_application a WHERE a.student_id = s.id)"
                    + " + (SELECT count(*) FROM hrs_entry h WHERE h.student_id = s.id)"
                    + " + 100 * (SELECT count(*) FROM cr_exemption x WHERE x.student_id = s.id)"
                    + " + 100 * (SELECT count(*) FROM cr_exemption x JOIN cr_exemption_evidence v"
                    + " ON v.exemption_id = x.id WHERE x.student_id = s.id)";
            long studentA = jdbc.sql("SELECT s.id FROM org_student s WHERE s.account_id IS NOT NULL ORDER BY " + activity
                    + " DESC, s.id LIMIT 1").query(Long.class).single();
            w.collegeA = collegeOf(jdbc, studentA);
            w.collegeB = jdbc.sql("SELECT c.college_id FROM org_student s JOIN org_class c ON c.id = s.class_id"
                    + " WHERE c.college_id <> ? ORDER BY " + activity + " DESC LIMIT 1").param(w.collegeA)
                    .query(Long.class).single();
            w.classesA = jdbc.sql("SELECT id FROM org_class WHERE college_id = ?").param(w.collegeA).query(Long.class)
                    .list();
            w.studentAUsername = jdbc.sql("SELECT a.username FROM identity_account a JOIN org_student s"
                    + " ON s.account_id = a.id WHERE s.id = ?").param(studentA).query(String.class).single();
            String inA = " IN (SELECT s.id FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE c.college_id = "
                    + w.collegeA + ")";
            String inB = " IN (SELECT s.id FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE c.college_id = "
                    + w.collegeB + ")";
            String own = "student_id = " + studentA;
            // a position open today (the demo's history also holds closed ones from past years)
            String published = "(SELECT p.status = 'PUBLISHED' FROM pos_position p WHERE p.id = position_id)";
            long applicationA = one(jdbc, "SELECT id FROM plc_application WHERE student_id" + inA + " ORDER BY ("
                    + own + ") DESC, " + published + " DESC, id LIMIT 1");
            long positionA = one(jdbc, "SELECT position_id FROM plc_application WHERE id = " + applicationA);
            w.employerA = one(jdbc, "SELECT employer_id FROM pos_position WHERE id = " + positionA);
            long positionB = one(jdbc, "SELECT p.id FROM pos_position p WHERE p.employer_id <> " + w.employerA
                    + " ORDER BY p.status = 'PUBLISHED' DESC, (SELECT count(*) FROM plc_application a WHERE"
                    + " a.position_id = p.id AND a.student_id" + inB + ") DESC, p.id LIMIT 1");
            long employerB = one(jdbc, "SELECT employer_id FROM pos_position WHERE id = " + positionB);
            long applicationB = one(jdbc, "SELECT a.id FROM plc_application a JOIN pos_position p ON p.id = a.position_id"
                    + " WHERE a.student_id" + inB + " AND p.employer_id <> " + w.employerA + " ORDER BY a.id LIMIT 1");
            long studentB = one(jdbc, "SELECT s.id FROM org_student s WHERE s.id" + inB
                    + " AND s.account_id IS NOT NULL ORDER BY " + activity + " DESC, s.id LIMIT 1");
            w.ids.put("student", new long[] {studentA, studentB});
            w.ids.put("college", new long[] {w.collegeA, w.collegeB});
            // The demo history has no self-arranged work and no objections: each world gets its own.
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            var form = new org.workstudy.placements.SelfArrangedForm("矩阵测试单位", "厦门", "湖里大道1号", "张三",
                    "13800000000", today.plusDays(7), today.plusDays(30), new java.math.BigDecimal("20"), "整理资料");
            long selfA = selfArranged.register(student(jdbc, studentA), form);
            long selfB = selfArranged.register(student(jdbc, studentB), form);
            w.ids.put("class", new long[] {classOf(jdbc, studentA), one(jdbc, "SELECT id FROM org_class WHERE college_id = "
                    + w.collegeB + " ORDER BY id LIMIT 1")});
            w.ids.put("position", new long[] {positionA, positionB});
            w.ids.put("employer", new long[] {w.employerA, employerB});
            w.ids.put("application", new long[] {applicationA, applicationB});
            w.ids.put("entry", new long[] {
                    one(jdbc, "SELECT id FROM hrs_entry WHERE student_id" + inA + " ORDER BY (" + own + ") DESC,"
                            + " (employer_id = " + w.employerA + ") DESC, id LIMIT 1"),
                    one(jdbc, "SELECT id FROM hrs_entry WHERE student_id" + inB + " AND coalesce(employer_id, 0) <> "
                            + w.employerA + " ORDER BY id LIMIT 1")});
            w.ids.put("self", new long[] {selfA, selfB});
            long exemptionA = one(jdbc, "SELECT id FROM cr_exemption WHERE student_id" + inA + " ORDER BY (" + own
                    + ") DESC, (SELECT count(*) FROM cr_exemption_evidence v WHERE v.exemption_id = cr_exemption.id) > 0"
                    + " DESC, id LIMIT 1");
            long exemptionB = one(jdbc, "SELECT id FROM cr_exemption WHERE student_id" + inB + " ORDER BY"
                    + " (SELECT count(*) FROM cr_exemption_evidence v WHERE v.exemption_id = cr_exemption.id) > 0"
                    + " DESC, id LIMIT 1");
            w.ids.put("exemption", new long[] {exemptionA, exemptionB});
            w.ids.put("evidence", new long[] {
                    jdbc.sql("SELECT coalesce(min(id), 0) FROM cr_exemption_evidence WHERE exemption_id = ?")
                            .param(exemptionA).query(Long.class).single(),
                    jdbc.sql("SELECT coalesce(min(id), 0) FROM cr_exemption_evidence WHERE exemption_id = ?")
                            .param(exemptionB).query(Long.class).single()});
            w.ids.put("notice", new long[] {
                    one(jdbc, "SELECT id FROM cr_notice WHERE college_id = " + w.collegeA + " ORDER BY id LIMIT 1"),
                    one(jdbc, "SELECT id FROM cr_notice WHERE college_id = " + w.collegeB + " ORDER BY id LIMIT 1")});
            w.ids.put("objection", new long[] {
                    objection(jdbc, notices, fixtures, w.ids.get("notice")[0], w.collegeA),
                    objection(jdbc, notices, fixtures, w.ids.get("notice")[1], w.collegeB)});
            w.ids.put("recognition", new long[] {
                    one(jdbc, "SELECT id FROM cr_recognition WHERE college_id = " + w.collegeA + " ORDER BY id LIMIT 1"),
                    one(jdbc, "SELECT id FROM cr_recognition WHERE college_id = " + w.collegeB + " ORDER BY id LIMIT 1")});
            long accountA = jdbc.sql("SELECT account_id FROM org_student WHERE id = ?").param(studentA)
                    .query(Long.class).single();
            w.ids.put("notification", new long[] {
                    one(jdbc, "SELECT id FROM ntf_message WHERE account_id = " + accountA + " ORDER BY id LIMIT 1"),
                    one(jdbc, "SELECT id FROM ntf_message WHERE account_id <> " + accountA + " ORDER BY id LIMIT 1")});
            w.ids.put("account", new long[] {accountA, one(jdbc, "SELECT s.account_id FROM org_student s WHERE s.id"
                    + inB + " AND s.account_id IS NOT NULL ORDER BY s.id LIMIT 1")});
            w.ids.put("staff", new long[] {
                    one(jdbc, "SELECT id FROM org_staff WHERE college_id = " + w.collegeA + " ORDER BY id LIMIT 1"),
                    one(jdbc, "SELECT id FROM org_staff WHERE college_id = " + w.collegeB + " ORDER BY id LIMIT 1")});
            w.ids.put("term", new long[] {one(jdbc, "SELECT max(id) FROM cal_term"), 999_999});
            w.ids.put("policy", new long[] {one(jdbc, "SELECT max(id) FROM pol_version"), 999_999});
            w.ids.put("nothing", new long[] {999_998, 999_999});
            // check-in and pay (issue 16): a shift, an attendance with a make-up and a pay sheet in each world
            long shiftA = shift(jdbc, positionA, w.employerA);
            long shiftB = shift(jdbc, positionB, employerB);
            long attendanceA = attendance(jdbc, shiftA, studentA);
            long attendanceB = attendance(jdbc, shiftB, studentB);
            w.ids.put("shift", new long[] {shiftA, shiftB});
            w.ids.put("attendance", new long[] {attendanceA, attendanceB});
            w.ids.put("makeup", new long[] {makeUp(jdbc, attendanceA), makeUp(jdbc, attendanceB)});
            w.ids.put("paysheet", new long[] {paySheet(jdbc, w.employerA), paySheet(jdbc, employerB)});
            w.ids.put("awardrecord", new long[] {awardRecord(jdbc, studentA), awardRecord(jdbc, studentB)});
            int cohortA = jdbc.sql("SELECT c.cohort FROM org_class c WHERE c.id = ?").param(classOf(jdbc, studentA))
                    .query(Integer.class).single();
            w.texts.put("cohort", new String[] {String.valueOf(cohortA), "1999"});
            w.texts.put("kind", new String[] {"students", "nothing"});
            w.texts.put("date", new String[] {jdbc.sql("SELECT coalesce(max(special_date)::text, '2026-10-01')"
                    + " FROM cal_special_day").query(String.class).single(), "1999-01-01"});
            w.texts.put("code", new String[] {"ABCDEFGH", "ZZZZZZZZ"});
            w.texts.put("month", new String[] {java.time.YearMonth.now().minusMonths(1).toString(),
                    java.time.YearMonth.now().minusMonths(1).toString()}); // assessment months are not scoped
            w.texts.put("academicYear", new String[] {"2025-2026", "2025-2026"});
            w.texts.put("year", new String[] {"2027", "2028"}); // provisional years an administrator may publish
            w.texts.put("studentNo", new String[] {
                    jdbc.sql("SELECT student_no FROM org_student WHERE id = ?").param(studentA).query(String.class).single(),
                    jdbc.sql("SELECT student_no FROM org_student WHERE id = ?").param(w.ids.get("student")[1])
                            .query(String.class).single()});
            return w;
        }

        /**
         * The award records made for the walk are deleted after it: the shared test database would otherwise show
         * them on the award records list of every test that runs later (and in its screenshots).
         */
        void removeAwardRecords(JdbcClient jdbc) {
            long[] made = ids.get("awardrecord");
            if (made != null) {
                jdbc.sql("DELETE FROM awd_record WHERE id IN (?, ?)").params(made[0], made[1]).update();
            }
        }

        private static org.workstudy.identity.CurrentUser student(JdbcClient jdbc, long studentId) {
            return jdbc.sql("SELECT s.account_id, a.username, s.name FROM org_student s JOIN identity_account a"
                    + " ON a.id = s.account_id WHERE s.id = ?").param(studentId)
                    .query((rs, n) -> new org.workstudy.identity.CurrentUser(rs.getLong(1), rs.getString(2),
                            rs.getString(3), Role.STUDENT, List.of(Grant.of(Role.STUDENT, studentId))))
                    .single();
        }

        /** An objection by a counselor of the college to its notice, raised on the notice's first day. */
        private static long objection(JdbcClient jdbc, org.workstudy.notices.NoticeFixtures notices,
                Fixtures fixtures, long noticeId, long collegeId) {
            java.time.LocalDate on = jdbc.sql("SELECT starts_on FROM cr_notice WHERE id = ?").param(noticeId)
                    .query(java.time.LocalDate.class).single();
            Grant grant = Grant.of(Role.VICE_DEAN, collegeId);
            String username = fixtures.account(grant);
            long account = jdbc.sql("SELECT id FROM identity_account WHERE username = ?").param(username)
                    .query(Long.class).single();
            var user = new org.workstudy.identity.CurrentUser(account, username, username, Role.VICE_DEAN,
                    List.of(grant));
            return notices.object(user, noticeId, null, "矩阵测试异议", on);
        }

        private static long shift(JdbcClient jdbc, long positionId, long employerId) {
            return jdbc.sql("INSERT INTO chk_shift (position_id, employer_id, opened_by, opened_at) VALUES (?,?,"
                    + "'matrix', now()) RETURNING id").params(positionId, employerId).query(Long.class).single();
        }

        private static long attendance(JdbcClient jdbc, long shiftId, long studentId) {
            return jdbc.sql("INSERT INTO chk_attendance (shift_id, student_id, placement_id, in_at, in_step, in_by_code)"
                    + " VALUES (?,?,0,now(),0,false) RETURNING id").params(shiftId, studentId).query(Long.class)
                    .single();
        }

        private static long makeUp(JdbcClient jdbc, long attendanceId) {
            return jdbc.sql("INSERT INTO chk_make_up (attendance_id, ends_at, reason, requested_at) VALUES (?, now(),"
                    + " '矩阵测试', now()) RETURNING id").param(attendanceId).query(Long.class).single();
        }

        private static long paySheet(JdbcClient jdbc, long employerId) {
            return jdbc.sql("INSERT INTO pay_sheet (employer_id, month, funding, status, created_at) VALUES (?,"
                    + " date_trunc('month', now() - interval '1 month')::date, 'SCHOOL_FUND', 'DRAFT', now())"
                    + " ON CONFLICT (employer_id, month, funding) DO UPDATE SET created_at = pay_sheet.created_at RETURNING id")
                    .param(employerId).query(Long.class).single();
        }

        private static long awardRecord(JdbcClient jdbc, long studentId) {
            return jdbc.sql("INSERT INTO awd_record (student_id, kind, category, reason, decided_on, decided_by,"
                    + " decided_by_name, created_at) VALUES (?, 'REWARD', 'PRAISE', '矩阵测试', current_date, 'matrix',"
                    + " 'matrix', now()) RETURNING id").param(studentId).query(Long.class).single();
        }

        private static long one(JdbcClient jdbc, String sql) {
            return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
        }

        private static long collegeOf(JdbcClient jdbc, long student) {
            return one(jdbc, "SELECT c.college_id FROM org_student s JOIN org_class c ON c.id = s.class_id WHERE s.id = "
                    + student);
        }

        private static long classOf(JdbcClient jdbc, long student) {
            return one(jdbc, "SELECT class_id FROM org_student WHERE id = " + student);
        }

        /** The kind of thing a path variable names, told by the variable and the path around it. */
        static String kind(String pattern, String variable) {
            if (List.of("cohort", "kind", "date", "code", "studentNo", "year", "month", "academicYear").contains(variable)) {
                return variable;
            }
            if (variable.equals("studentId")) {
                return "student";
            }
            if (variable.equals("fileId")) {
                return "evidence";
            }
            String before = pattern.substring(0, pattern.indexOf("{" + variable));
            String[] segments = before.split("/");
            String segment = segments.length == 0 ? "" : segments[segments.length - 1];
            return switch (segment) {
                case "students" -> "student";
                case "classes" -> "class";
                case "colleges" -> "college";
                case "positions", "jobs" -> "position";
                case "applications" -> "application";
                case "employers" -> "employer";
                case "entries", "work-records" -> "entry";
                case "self-arranged" -> "self";
                case "exemptions" -> "exemption";
                case "notices" -> "notice";
                case "objections" -> "objection";
                case "recognitions" -> "recognition";
                case "notifications" -> "notification";
                case "accounts" -> "account";
                case "staff" -> "staff";
                case "terms" -> "term";
                case "policy", "admin" -> "policy";
                case "shifts" -> "shift";
                case "attendances" -> "attendance";
                case "make-ups" -> "makeup";
                case "sheets" -> "paysheet";
                case "records" -> "awardrecord";
                case "tokens", "outbox", "robots" -> "nothing"; // the demo holds none of these for world A
                default -> "unknown:" + segment;
            };
        }

        String value(Endpoint e, String variable, boolean inScope) {
            String kind = kind(e.pattern(), variable);
            if (texts.containsKey(kind)) {
                return texts.get(kind)[inScope ? 0 : 1];
            }
            long[] pair = ids.get(kind);
            if (pair == null) {
                throw new IllegalStateException("no ids for " + kind + " in " + e.key());
            }
            return String.valueOf(pair[inScope ? 0 : 1]);
        }

        /** Parameter and field names that name a thing of world A, with its id. */
        Map<String, String> fieldValues() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("studentId", String.valueOf(ids.get("student")[0]));
            map.put("studentIds", String.valueOf(ids.get("student")[0]));
            map.put("classId", String.valueOf(ids.get("class")[0]));
            map.put("collegeId", String.valueOf(collegeA));
            map.put("positionId", String.valueOf(ids.get("position")[0]));
            map.put("employerId", String.valueOf(employerA));
            map.put("cohort", texts.get("cohort")[0]);
            map.put("studentNo", texts.get("studentNo")[0]);
            map.put("studentNumbers", texts.get("studentNo")[0]);
            map.put("year", "2026-2027");
            return map;
        }

        @Override
        public String toString() {
            return "collegeA=" + collegeA + " collegeB=" + collegeB + " employerA=" + employerA + " studentA="
                    + studentAUsername + " ids=" + ids.entrySet().stream()
                            .map(x -> x.getKey() + "=" + x.getValue()[0] + "/" + x.getValue()[1])
                            .collect(Collectors.joining(",")) + " texts=" + texts.entrySet().stream()
                            .map(x -> x.getKey() + "=" + String.join("/", x.getValue()))
                            .collect(Collectors.joining(","));
        }
    }
}
