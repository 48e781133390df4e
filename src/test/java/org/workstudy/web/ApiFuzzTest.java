package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.web.AuthorizationMatrixTest.Caller;
import org.workstudy.web.AuthorizationMatrixTest.World;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of the API's own OpenAPI document and sends, for each parameter and each JSON body field, a
 * bounded corpus of bad values (missing, null, negative, huge, overlong, wrong type, impossible date, unknown enum,
 * NUL, markup), as a caller the operation allows (from {@link AuthorizationRules}) with ids of that caller's scope.
 * No answer may be a 5xx; every 4xx is a problem detail; a value of the wrong kind must be refused (never accepted),
 * and its refusal must name the field (a JSON field, a query parameter, or the path variable of a path the firewall
 * refuses); unless the operation refuses first for another reason (403, 404, 409). Refusals that do not name the
 * field fail the test and are listed at the end of {@code target/api-fuzz.txt}. Each call is rolled back.
 */
@IntegrationTest
class ApiFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG = "长".repeat(10_001);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.workstudy.placements.SelfArrangedWork selfArranged;
    @Autowired
    org.workstudy.notices.NoticeFixtures notices;

    /** A bad value and whether it is of the wrong kind for its type (then it must be refused naming the field). */
    record Bad(String label, String text, JsonNode json, boolean wrongKind) {
    }

    @Test
    void noInputMakesTheApiAnswer500AndWrongValuesAreRefusedNamingTheField() throws Exception {
        World world = World.build(jdbc, selfArranged, notices, fixtures);
        Map<Caller, UsernamePasswordAuthenticationToken> callers = AuthorizationMatrixTest.callers(world, fixtures,
                users);
        Map<String, AuthorizationRules.Rule> rules = AuthorizationRules.parse();
        MvcResult docResult = mvc.perform(MockMvcRequestBuilders.get("/api/v1/openapi")
                .with(authentication(callers.get(Caller.ADMIN)))).andReturn();
        assertThat(docResult.getResponse().getStatus()).isEqualTo(200);
        JsonNode doc = JSON.readTree(docResult.getResponse().getContentAsString());

        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int requests = 0;
        int operations = 0;
        int refusedFirst = 0;
        List<String> unnamed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                String key = method + " " + path.getKey();
                AuthorizationRules.Rule rule = rules.get(key);
                if (rule == null) {
                    failures.add(key + ": in the OpenAPI document but without an authorization rule");
                    continue;
                }
                operations++;
                Caller caller = rule.allowed().stream().filter(c -> c != Caller.ANONYMOUS).findFirst()
                        .orElse(Caller.ANONYMOUS);
                Operation operation = Operation.of(doc, method, path.getKey(), op.getValue(), world);
                for (Operation.Variant v : operation.variants()) {
                    requests++;
                    String outcome = send(v, callers.get(caller));
                    String verdict = judge(v, outcome);
                    if (verdict.startsWith("FAIL")) {
                        failures.add(key + " as " + caller + ", " + v.describe() + ": " + verdict.substring(5)
                                + " " + outcome);
                    } else if (verdict.equals("refused-first")) {
                        refusedFirst++;
                    } else if (verdict.equals("unnamed")) {
                        unnamed.add(key + " " + v.describe() + ": " + outcome);
                        failures.add(key + " as " + caller + ", " + v.describe() + ": refused without naming the"
                                + " field " + outcome);
                    }
                    report.append(key).append(" | ").append(v.describe()).append(" | ").append(outcome).append('\n');
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-fuzz.txt"), report + "\nRefused without naming the field:\n"
                + String.join("\n", unnamed) + "\n");
        System.out.println("API fuzz: " + operations + " operations, " + requests + " requests, " + refusedFirst
                + " refused first for another reason (not found, forbidden, state), " + unnamed.size()
                + " refused without naming the field (listed in target/api-fuzz.txt)");
        assertThat(failures).as("see target/api-fuzz.txt").isEmpty();
    }

    /** "ok", "refused-first", or "FAIL why". */
    private static String judge(Operation.Variant v, String outcome) {
        int status = Integer.parseInt(outcome.substring(0, 3));
        String rest = outcome.substring(3);
        if (status >= 500) {
            return "FAIL a 5xx";
        }
        if (status >= 400 && !rest.contains("problem")) {
            return "FAIL a 4xx that is not a problem detail";
        }
        if (!v.bad().wrongKind()) {
            return "ok";
        }
        if (status < 400) {
            return "FAIL accepted";
        }
        if (status == 403 || status == 404 || status == 409) {
            return "refused-first";
        }
        if (v.field() != null && !rest.contains("field=" + v.field())) {
            return "unnamed";
        }
        return "ok";
    }

    private String send(Operation.Variant v, UsernamePasswordAuthenticationToken auth) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            try {
                AbstractMockHttpServletRequestBuilder<?> b;
                if (v.multipart()) {
                    var m = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(v.method()),
                            java.net.URI.create(v.uri()));
                    m.file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4\n".getBytes()));
                    b = m;
                } else {
                    b = MockMvcRequestBuilders.request(HttpMethod.valueOf(v.method()), java.net.URI.create(v.uri()));
                }
                v.query().forEach(b::queryParam);
                if (v.body() != null) {
                    b.contentType(MediaType.APPLICATION_JSON).content(v.body());
                }
                if (auth != null) {
                    b.with(authentication(auth));
                }
                MvcResult r = mvc.perform(b).andReturn();
                String type = String.valueOf(r.getResponse().getContentType());
                String field = "";
                if (type.contains("problem")) {
                    JsonNode problem = JSON.readTree(r.getResponse().getContentAsString());
                    field = problem.has("field") ? " field=" + problem.get("field").asString() : "";
                }
                return r.getResponse().getStatus() + (type.contains("problem") ? " problem" : " " + type) + field;
            } catch (Exception e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return "599 exception " + root;
            }
        });
    }

    /** One operation with well-formed values for everything, from which each variant spoils one thing. */
    record Operation(String method, String path, Map<String, String> pathValues, Map<String, JsonNode> pathSchemas,
            Map<String, String> queryValues, Map<String, JsonNode> querySchemas, List<String> requiredQuery,
            JsonNode bodySchema, boolean multipart, JsonNode doc) {

        record Variant(String method, String uri, Map<String, String> query, String body, boolean multipart,
                String field, Bad bad) {

            String describe() {
                return (field == null ? "body" : field) + " = " + bad.label();
            }
        }

        static Operation of(JsonNode doc, String method, String path, JsonNode op, World world) {
            Map<String, String> pathValues = new LinkedHashMap<>();
            Map<String, JsonNode> pathSchemas = new LinkedHashMap<>();
            Map<String, String> queryValues = new LinkedHashMap<>();
            Map<String, JsonNode> querySchemas = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            if (op.has("parameters")) {
                for (JsonNode p : op.get("parameters")) {
                    String name = p.get("name").asString();
                    JsonNode schema = resolve(doc, p.get("schema"));
                    if (p.get("in").asString().equals("path")) {
                        pathValues.put(name, world.value(new AuthorizationMatrixTest.Endpoint(method, path, List.of(),
                                Map.of(), null, false, List.of(), Map.of(), false), name, true));
                        pathSchemas.put(name, schema);
                    } else if (p.get("in").asString().equals("query")) {
                        querySchemas.put(name, schema);
                        if (p.path("required").asBoolean(false)) {
                            required.add(name);
                            queryValues.put(name, good(schema));
                        }
                    }
                }
            }
            JsonNode body = null;
            boolean multipart = false;
            if (op.has("requestBody")) {
                JsonNode content = op.get("requestBody").get("content");
                if (content.has("application/json")) {
                    body = resolve(doc, content.get("application/json").get("schema"));
                } else if (content.has("multipart/form-data")) {
                    multipart = true;
                }
            }
            return new Operation(method, path, pathValues, pathSchemas, queryValues, querySchemas, required, body,
                    multipart, doc);
        }

        List<Variant> variants() {
            List<Variant> list = new ArrayList<>();
            String goodBody = bodySchema == null ? null : goodJson(bodySchema, doc).toString();
            for (String name : pathSchemas.keySet()) {
                for (Bad spec : corpus(pathSchemas.get(name), false)) {
                    Bad bad = spec.label().equals("object") ? new Bad("braces", "{}", null, false) : spec;
                    if (bad.text() == null || bad.text().isEmpty() || bad.text().contains("/")) {
                        continue; // a path cannot carry these: another route, not a bad value
                    }
                    Map<String, String> values = new LinkedHashMap<>(pathValues);
                    values.put(name, bad.text());
                    list.add(new Variant(method, uri(values), queryValues, goodBody, multipart, name, bad));
                }
            }
            for (String name : querySchemas.keySet()) {
                for (Bad spec : corpus(querySchemas.get(name), requiredQuery.contains(name))) {
                    Bad bad = spec.label().equals("object") ? new Bad("braces", "{}", null, false) : spec;
                    Map<String, String> query = new LinkedHashMap<>(queryValues);
                    if (bad.text() == null) {
                        query.remove(name);
                    } else {
                        query.put(name, bad.text());
                    }
                    list.add(new Variant(method, uri(pathValues), query, goodBody, multipart, name, bad));
                }
            }
            if (bodySchema != null) {
                for (String whole : List.of("{", "[]", "\"x\"", "")) {
                    list.add(new Variant(method, uri(pathValues), queryValues, whole, false, null,
                            new Bad("malformed " + whole, whole, null, true)));
                }
                JsonNode props = bodySchema.path("properties");
                for (Map.Entry<String, JsonNode> prop : props.properties()) {
                    JsonNode schema = resolve(doc, prop.getValue());
                    // A JSON field left out or null is the service's to judge (it may be optional): no 500 is asked.
                    for (Bad bad : corpus(schema, false)) {
                        ObjectNode spoiled = (ObjectNode) goodJson(bodySchema, doc);
                        if (bad.json() == null) {
                            spoiled.remove(prop.getKey());
                        } else {
                            spoiled.set(prop.getKey(), bad.json());
                        }
                        list.add(new Variant(method, uri(pathValues), queryValues, spoiled.toString(), false,
                                prop.getKey(), bad));
                    }
                }
            }
            if (list.isEmpty()) {
                list.add(new Variant(method, uri(pathValues), queryValues, goodBody, multipart, null,
                        new Bad("as is", "", null, false)));
            }
            return list;
        }

        private String uri(Map<String, String> values) {
            String uri = path;
            for (Map.Entry<String, String> v : values.entrySet()) {
                uri = uri.replace("{" + v.getKey() + "}", java.net.URLEncoder.encode(v.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return uri;
        }

        /** The bad values for a value of this schema; {@code text == null} is "missing". */
        static List<Bad> corpus(JsonNode schema, boolean required) {
            var n = tools.jackson.databind.node.JsonNodeFactory.instance;
            String type = schema.path("type").asString("");
            String format = schema.path("format").asString("");
            List<Bad> list = new ArrayList<>();
            list.add(new Bad("missing", null, null, required));
            list.add(new Bad("null", "null", n.nullNode(), false));
            list.add(new Bad("markup", "<script>alert(1)</script>", n.stringNode("<script>alert(1)</script>"),
                    !type.equals("string")));
            list.add(new Bad("NUL", "a\u0000b", n.stringNode("a\u0000b"), true));
            switch (type) {
                case "integer" -> {
                    list.add(new Bad("negative", "-1", n.numberNode(-1), false));
                    list.add(new Bad("huge", "99999999999999999999", n.numberNode(new java.math.BigInteger(
                            "99999999999999999999")), true));
                    list.add(new Bad("2^31", "2147483648", n.numberNode(2147483648L), format.equals("int32")));
                    list.add(new Bad("fraction", "1.5", n.numberNode(1.5), true));
                    list.add(new Bad("wrong type", "abc", n.stringNode("abc"), true));
                }
                case "number" -> {
                    list.add(new Bad("negative", "-1", n.numberNode(-1), false));
                    list.add(new Bad("huge", "1e400", n.numberNode(new java.math.BigDecimal("1e400")), false));
                    list.add(new Bad("wrong type", "abc", n.stringNode("abc"), true));
                }
                case "boolean" -> list.add(new Bad("wrong type", "maybe", n.stringNode("maybe"), true));
                case "array" -> {
                    list.add(new Bad("wrong type", "abc", n.stringNode("abc"), false));
                    list.add(new Bad("object", "{}", n.objectNode(), true));
                }
                case "object" -> list.add(new Bad("wrong type", "abc", n.numberNode(7), true));
                default -> {
                    if (schema.has("enum")) {
                        list.add(new Bad("unknown enum", "NO_SUCH_VALUE", n.stringNode("NO_SUCH_VALUE"), true));
                    } else if (format.equals("date")) {
                        list.add(new Bad("impossible date", "2026-02-30", n.stringNode("2026-02-30"), true));
                        list.add(new Bad("not a date", "yesterday", n.stringNode("yesterday"), true));
                    } else {
                        list.add(new Bad("overlong", LONG, n.stringNode(LONG), false));
                        list.add(new Bad("object", "{}", n.objectNode(), true));
                    }
                }
            }
            return list;
        }

        static JsonNode resolve(JsonNode doc, JsonNode schema) {
            if (schema == null) {
                return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            }
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
                return resolve(doc, doc.get("components").get("schemas").get(name));
            }
            return schema;
        }

        static String good(JsonNode schema) {
            String type = schema.path("type").asString("");
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asString();
            }
            return switch (type) {
                case "integer", "number" -> "1";
                case "boolean" -> "true";
                default -> goodText(schema);
            };
        }

        static String goodText(JsonNode schema) {
            return switch (schema.path("format").asString("")) {
                case "date" -> "2026-03-02";
                // Every date-time the API reads is a local time of Asia/Shanghai (LocalDateTime, no offset)
                case "date-time" -> "2026-03-02T09:00:00";
                case "time", "partial-time", "time-local" -> "09:00";
                default -> schema.has("pattern") || schema.has("example") ? schema.path("example").asString("1") : "1";
            };
        }

        static JsonNode goodJson(JsonNode schema, JsonNode doc) {
            var n = tools.jackson.databind.node.JsonNodeFactory.instance;
            JsonNode s = resolve(doc, schema);
            String type = s.path("type").asString("");
            if (s.has("properties")) {
                ObjectNode o = n.objectNode();
                for (Map.Entry<String, JsonNode> p : s.get("properties").properties()) {
                    o.set(p.getKey(), goodJson(p.getValue(), doc));
                }
                return o;
            }
            if (s.has("enum")) {
                return n.stringNode(s.get("enum").get(0).asString());
            }
            return switch (type) {
                case "integer", "number" -> n.numberNode(1);
                case "boolean" -> n.booleanNode(true);
                case "array" -> n.arrayNode();
                case "object" -> n.objectNode();
                default -> n.stringNode(goodText(s));
            };
        }
    }
}
