package org.workstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product as users start it: the packaged jar with its defaults (no profile, no database URL: the embedded
 * PostgreSQL, the demo school) in an empty working folder, as a separate process, driven over HTTP through the core
 * journey by the people who do it — the center publishes positions, a student signs in for the first time with the
 * activation code and chooses a password, applies and is accepted, an employer accepts an applicant, a counselor
 * arranges a class, the employer records hours, the counselor confirms them, the student's progress shows them and
 * the register exports. Any 5xx answer anywhere fails it. Runs in `verify` after `package` (failsafe).
 */
class DefaultRunJourneyIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @TempDir
    static Path workDir;
    private static Process app;
    private static String base;
    private static Path appLog;

    @BeforeAll
    static void startThePackagedApplication() throws Exception {
        Path jar = Path.of(System.getProperty("workstudy.jar", "target/workstudy-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged application (run through `./mvnw verify`)").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        appLog = workDir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Asia/Shanghai", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port)
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(appLog.toFile());
        // Its defaults, whatever the machine running the tests has configured.
        builder.environment().keySet().removeIf(k -> k.startsWith("WORKSTUDY_") || k.startsWith("SPRING_"));
        app = builder.start();
        waitUntilTheLoginPageAnswers();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        // The embedded database stops with the application: nothing may keep running on the data folder.
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(workDir.resolve("data").toString())).orElse(false)).count())
                .as("processes left on the data folder").isZero();
    }

    /** Polls (bounded) until the server answers the sign-in page with 200: connection refused and 503 mean not yet. */
    private static void waitUntilTheLoginPageAnswers() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application stopped:\n" + Files.readString(appLog));
            }
            try {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
                assertThat(page.statusCode()).as("/login while starting").isIn(200, 503);
                if (page.statusCode() == 200) {
                    return;
                }
                assertThat(page.body()).contains("系统正在准备中");
            } catch (IOException notListeningYet) {
                // the server socket is not open yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no sign-in page after 10 minutes:\n" + Files.readString(appLog));
    }

    @Test
    void theCoreJourneyWorksOnTheDefaultRun() throws Exception {
        // The first answer of the sign-in page means the demo accounts work: no "wrong password" during start-up.
        Visitor counselorPages = Visitor.signIn("fdy012", "Demo1234");
        assertThat(counselorPages.get("/").body()).contains("辅导员");

        Api center = new Api("zhongxin", "Demo1234");
        Api admin = new Api("admin", "Demo1234");
        Api counselor = new Api("fdy012", "Demo1234");
        Api employer = new Api("yongren", "Demo1234");
        long employerId = employer.get("/api/v1/employers").get(0).path("id").asLong(); // an employer sees its own

        LocalDate today = LocalDate.now(ZONE);
        long firstCome = center.publishPosition(employerId, "图书馆周末整理（先到先得）", "FIRST_COME", 5, today);
        long employerChoice = center.publishPosition(employerId, "后勤周末值班（用人单位选拔）", "EMPLOYER_CHOICE", 5, today);
        long classPosition = center.publishPosition(employerId, "迎新服务（统一安排）", "FIRST_COME", 200, today);

        // The counselor's class of a cohort in its window; the administrator enrols a new student in it.
        JsonNode schoolClass = counselor.classInWindow(today);
        String studentNo = "IT" + (100_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
        Visitor adminPages = Visitor.signIn("admin", "Demo1234");
        int cohort = schoolClass.path("cohort").asInt();
        HttpResponse<String> created = adminPages.submit("/org/students/new", "/org/students/new", Map.of(
                "studentNo", studentNo, "name", "林晓雨", "gender", "FEMALE",
                "classId", schoolClass.path("id").asText(), "enrolmentTerm", cohort + "-" + (cohort + 1) + "-1",
                "status", "ACTIVE", "phone", "", "idCardNo", ""));
        Matcher code = Pattern.compile("id=\"issued-code\">([^<]+)<").matcher(created.body());
        assertThat(code.find()).as("the new student's activation code, shown once to the administrator").isTrue();
        JsonNode student = admin.get("/api/v1/students?text=" + studentNo).path("items").get(0);
        long studentId = student.path("id").asLong();

        // First sign-in: with the activation code, the student chooses a password.
        String password = "Xy" + studentNo.substring(2) + "q";
        Visitor studentPages = Visitor.activate(studentNo, code.group(1).trim(), password);
        Api studentApi = new Api(studentNo, password);

        // A first-come position accepts at once; an employer-choice one waits for the employer.
        studentPages.submit("/jobs/" + firstCome, "/jobs/" + firstCome + "/apply", Map.of());
        studentPages.submit("/jobs/" + employerChoice, "/jobs/" + employerChoice + "/apply", Map.of());
        assertThat(status(studentApi.get("/api/v1/applications/mine"), firstCome)).isEqualTo("ACCEPTED");
        assertThat(status(studentApi.get("/api/v1/applications/mine"), employerChoice)).isEqualTo("PENDING");

        JsonNode applicant = find(employer.get("/api/v1/positions/" + employerChoice + "/applications"), studentId);
        employer.post("/api/v1/applications/" + applicant.path("id").asLong() + "/decision",
                "{\"accept\":true,\"reason\":null}");
        assertThat(status(studentApi.get("/api/v1/applications/mine"), employerChoice)).isEqualTo("ACCEPTED");

        // 统一安排: the whole class on one position, in one action.
        int arranged = counselor.post("/api/v1/positions/" + classPosition + "/placements",
                "{\"classId\":" + schoolClass.path("id").asLong() + "}").asInt();
        assertThat(arranged).isPositive();
        assertThat(counselor.get("/api/v1/positions/" + classPosition + "/placements")).hasSize(arranged);
        find(counselor.get("/api/v1/positions/" + classPosition + "/placements"), studentId);

        // The employer records a weekend shift; it counts once the counselor confirms it.
        long placementId = find(employer.get("/api/v1/positions/" + employerChoice + "/placements"), studentId)
                .path("id").asLong();
        LocalDate workDay = lastDayWithoutEveningRule(counselor, today);
        long recordId = employer.post("/api/v1/work-records", "{\"studentId\":" + studentId
                + ",\"sourceKind\":\"PLACEMENT\",\"sourceId\":" + placementId + ",\"workDate\":\"" + workDay
                + "\",\"startsAt\":\"09:00\",\"endsAt\":\"13:00\",\"content\":\"整理借还书架\"}").path("id").asLong();
        assertThat(studentApi.get("/api/v1/students/" + studentId + "/progress").path("hours").decimalValue())
                .isZero();
        assertThat(counselor.get("/api/v1/work-records/pending").findValues("id").stream().map(JsonNode::asLong))
                .contains(recordId);
        counselor.post("/api/v1/work-records/" + recordId + "/confirm", "{}");

        JsonNode progress = studentApi.get("/api/v1/students/" + studentId + "/progress");
        assertThat(progress.path("hours").decimalValue()).isEqualByComparingTo("4");
        assertThat(studentPages.get("/my/hours").body()).contains("4.0");

        // The register, as the counselor exports it.
        HttpResponse<byte[]> register = counselorPages.download("/hours/students/" + studentId + "/register.xlsx");
        assertThat(register.headers().firstValue("Content-Type").orElse(""))
                .contains("openxmlformats-officedocument.spreadsheetml");
        assertThat(xlsxText(register.body())).contains(studentNo, "林晓雨", "整理借还书架");
    }

    private static String status(JsonNode applications, long positionId) {
        for (JsonNode a : applications) {
            if (a.path("positionId").asLong() == positionId) {
                return a.path("status").asText();
            }
        }
        throw new AssertionError("no application for position " + positionId + ": " + applications);
    }

    private static JsonNode find(JsonNode rows, long studentId) {
        for (JsonNode row : rows) {
            if (row.path("studentId").asLong() == studentId) {
                return row;
            }
        }
        throw new AssertionError("student " + studentId + " not in " + rows);
    }

    /** The latest day before today on which daytime work counts (a weekend, holiday or vacation day). */
    private static LocalDate lastDayWithoutEveningRule(Api someone, LocalDate today) throws Exception {
        for (LocalDate d = today.minusDays(1); d.isAfter(today.minusDays(30)); d = d.minusDays(1)) {
            if (someone.get("/api/v1/calendar/days/" + d).path("countsWithoutEvening").asBoolean()) {
                return d;
            }
        }
        throw new AssertionError("no weekend in the 30 days before " + today);
    }

    /** Every cell of the workbook's first sheet, as text. */
    private static String xlsxText(byte[] xlsx) {
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(0)
                .doReadSync();
        return rows.stream().flatMap(row -> row.values().stream()).map(String::valueOf)
                .collect(Collectors.joining("|"));
    }

    private static void noServerError(String what, int status, String body) {
        assertThat(status).as(what + " answered " + status + ": " + body).isLessThan(500);
    }

    /** A person in the browser: a cookie session through the sign-in form, pages and forms with their CSRF token. */
    private static final class Visitor {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

        static Visitor signIn(String username, String password) throws Exception {
            Visitor v = new Visitor();
            HttpResponse<String> landed = v.submit("/login", "/login", Map.of("username", username,
                    "password", password));
            assertThat(landed.uri().getPath()).as("signed in as " + username).isNotEqualTo("/login");
            return v;
        }

        static Visitor activate(String username, String code, String newPassword) throws Exception {
            Visitor v = new Visitor();
            HttpResponse<String> landed = v.submit("/login", "/login", Map.of("username", username,
                    "password", code));
            assertThat(landed.uri().getPath()).as("a sign-in with the code leads to activation").isEqualTo("/activate");
            HttpResponse<String> home = v.submit("/activate", "/activate", Map.of("username", username,
                    "code", code, "next", newPassword, "repeat", newPassword));
            assertThat(home.uri().getPath()).isNotIn("/activate", "/login");
            assertThat(v.get("/my/hours").uri().getPath()).isEqualTo("/my/hours");
            return v;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    BodyHandlers.ofString());
            noServerError("GET " + path, r.statusCode(), r.body());
            assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
            return r;
        }

        HttpResponse<byte[]> download(String path) throws Exception {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    BodyHandlers.ofByteArray());
            noServerError("GET " + path, r.statusCode(), "");
            assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
            return r;
        }

        /** Opens the page with the form, then posts the form's fields with its CSRF token; follows the redirect. */
        HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("CSRF token on " + formPage).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf.group(1));
            String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + action))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form))
                    .build(), BodyHandlers.ofString());
            noServerError("POST " + action, r.statusCode(), r.body());
            assertThat(r.statusCode()).as("POST " + action + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).as("POST " + action + " shows no error").doesNotContain("alert-danger");
            return r;
        }
    }

    /** A program calling the JSON API as one person (HTTP Basic). */
    private static final class Api {

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String authorization;

        Api(String username, String password) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        JsonNode get(String path) throws Exception {
            return send("GET " + path, HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
        }

        JsonNode post(String path, String json) throws Exception {
            return send("POST " + path, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)), -1);
        }

        private JsonNode send(String what, HttpRequest.Builder request, int expected) throws Exception {
            HttpResponse<String> r = client.send(request.header("Authorization", authorization)
                    .header("Accept", "application/json").build(), BodyHandlers.ofString());
            noServerError(what, r.statusCode(), r.body());
            if (expected > 0) {
                assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(expected);
            } else {
                assertThat(r.statusCode()).as(what + ": " + r.body()).isBetween(200, 299);
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        }

        /** Creates, submits, approves and publishes a position open now, for work from a month ago to a month on. */
        long publishPosition(long employerId, String title, String selection, int capacity, LocalDate today)
                throws Exception {
            LocalDateTime now = LocalDateTime.now(ZONE).withNano(0);
            String form = "{\"bank\":\"SCHOOL\",\"employerId\":" + employerId + ",\"title\":\"" + title + "\","
                    + "\"description\":\"周末协助整理与值班\",\"type\":\"TEMPORARY\","
                    + "\"timeKinds\":[\"WEEKEND\",\"EVENING\",\"PUBLIC_HOLIDAY\",\"WINTER_VACATION\"],"
                    + "\"place\":\"图书馆一楼\",\"city\":\"厦门\",\"capacity\":" + capacity + ","
                    + "\"hoursPerShift\":4,\"hourlyPay\":18,\"workFrom\":\"" + today.minusDays(30) + "\","
                    + "\"workTo\":\"" + today.plusDays(30) + "\",\"opensAt\":\"" + now.minusHours(1) + "\","
                    + "\"closesAt\":\"" + now.plusDays(14) + "\",\"eligibleCollegeIds\":[],\"eligibleCohorts\":[],"
                    + "\"selectionMode\":\"" + selection + "\",\"safetyNotes\":\"注意用电安全\"}";
            long id = post("/api/v1/positions", form).path("id").asLong();
            for (String step : List.of("submit", "approve", "publish")) {
                post("/api/v1/positions/" + id + "/" + step, "{}");
            }
            assertThat(get("/api/v1/positions/" + id).path("status").asText()).isEqualTo("PUBLISHED");
            return id;
        }

        /** One of the caller's classes whose students are in their five semesters (the second year now). */
        JsonNode classInWindow(LocalDate today) throws Exception {
            int cohort = today.getMonthValue() >= 9 ? today.getYear() - 1 : today.getYear() - 2;
            List<JsonNode> classes = new ArrayList<>();
            get("/api/v1/classes?cohort=" + cohort).forEach(classes::add);
            assertThat(classes).as("the counselor's classes of cohort " + cohort).isNotEmpty();
            return classes.get(0);
        }
    }
}
