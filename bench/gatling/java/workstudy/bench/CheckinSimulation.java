package workstudy.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Check-in at the workplace (issue 16): {@code bench.students} students check in within {@code bench.seconds}
 * (default 2,000 in 300 s, evenly spread: Gatling {@code rampUsers}) on {@code bench.shifts} open shifts, each student
 * scanning the current rotating code of their own shift, by the phone page's form ({@code POST /checkin}: session
 * cookie, CSRF token, code, location, device), as the browser does.
 *
 * <p>Before (not measured): as the center ({@code bench.staffUser}) over the API, {@code bench.shifts} first-come
 * positions (capacity students / shifts, rounded up) are created through RushPrep; the students are picked from the
 * database with the seed and signed in ({@code login}, password changed at a first sign-in as in the rush), each
 * applies for their position ({@code POST /jobs/{id}/apply}: first come, placed at once); then the center opens one
 * shift per position at the workplace. While the check-ins run, a background thread fetches each shift's code from
 * {@code GET /api/v1/checkin/shifts/{id}/code} every 10 s, as the supervisor's screen does (a code is valid for its
 * 30 s step and the next).
 *
 * <p>Afterwards the database is read back: attendances on the run's shifts (the check-ins that worked, since a refused
 * scan also redirects to /checkin with its reason), duplicates, and sizes. System properties as in RushSimulation, plus
 * bench.shifts [20], bench.seconds [300], bench.resultFile [target/bench/checkin-result.properties].
 */
public class CheckinSimulation extends Simulation {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String LAT = "24.479800";
    private static final String LNG = "118.089400";

    private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080");
    private final String jdbcUrl = System.getProperty("bench.jdbcUrl",
            "jdbc:postgresql://127.0.0.1:5432/workstudy_bench");
    private final int studentCount = Integer.getInteger("bench.students", 2000);
    private final int shiftCount = Integer.getInteger("bench.shifts", 20);
    private final int seconds = Integer.getInteger("bench.seconds", 300);
    private final long seed = Long.getLong("bench.seed", 20261205L);
    private final String benchPassword = System.getProperty("bench.password", "Bench-2026-rush");
    private final int loginConcurrency = Integer.getInteger("bench.loginConcurrency", 8);
    private final String staffUser = System.getProperty("bench.staffUser", "zhongxin");
    private final String staffPassword = System.getProperty("bench.staffPassword", "Demo1234");
    private final Path resultFile = Path.of(System.getProperty("bench.resultFile",
            "target/bench/checkin-result.properties"));

    private final RushPrep prep;
    private final String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss"));
    private final List<RushPrep.Student> students;
    private final List<Long> positionIds;
    private final long[] target;
    private final List<Long> shiftIds = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, Long> shiftOfPosition = new ConcurrentHashMap<>();
    private final Map<Long, String> codes = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger codeFetchFailures = new AtomicInteger();

    private final ConcurrentLinkedQueue<Integer> toSignIn = new ConcurrentLinkedQueue<>();
    private final List<String[]> signedIn = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger loginFailures = new AtomicInteger();
    private final AtomicInteger applyFailures = new AtomicInteger();
    private final AtomicInteger cursor = new AtomicInteger();
    private final ConcurrentLinkedQueue<long[]> scans = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private long prepMillis;
    private long scanStart;
    private long scanEnd;

    public CheckinSimulation() {
        URI base = URI.create(baseUrl);
        if (!List.of("127.0.0.1", "localhost", "::1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("bench.baseUrl must be on this machine: " + baseUrl);
        }
        prep = new RushPrep(baseUrl, jdbcUrl, System.getProperty("bench.dbUser", "postgres"),
                System.getProperty("bench.dbPassword", ""), staffUser, staffPassword);
        long t0 = System.currentTimeMillis();
        try {
            students = activated(prep.students(studentCount, seed, benchPassword));
            int capacity = (studentCount + shiftCount - 1) / shiftCount;
            positionIds = prep.createPositions(shiftCount, capacity, "签到" + runId);
            System.out.printf("[checkin] run %s: %d positions of capacity %d, %d students%n", runId,
                    positionIds.size(), capacity, students.size());
        } catch (Exception e) {
            throw new IllegalStateException("preparing the check-in bench failed: " + e.getMessage(), e);
        }
        prepMillis = System.currentTimeMillis() - t0;
        target = new long[students.size()];
        int capacity = (studentCount + shiftCount - 1) / shiftCount;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < target.length; i++) {
            target[i] = positionIds.get(Math.min(positionIds.size() - 1, i / capacity));
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        toSignIn.addAll(order);

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).disableFollowRedirect().warmUp(baseUrl + "/login")
                .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8").acceptLanguageHeader("zh-CN,zh;q=0.9")
                .userAgentHeader("workstudy-bench-checkin");
        setUp(login().injectOpen(atOnceUsers(Math.min(loginConcurrency, students.size())))
                .andThen(openShifts().injectOpen(atOnceUsers(1))
                        .andThen(checkIn().injectOpen(rampUsers(students.size()).during(seconds)))))
                .protocols(protocol)
                .maxDuration(Duration.ofMinutes(90));
    }

    /**
     * Students sign in for the first time with an activation code from their class sheet; the bench does not print
     * sheets, so {@link RushPrep#students} gives the picked students the bench password as if they had activated, and
     * this hashes it again at BCrypt cost 4 (2,000 sign-ins at the application's cost 10 take 20 minutes on a loaded
     * 2-core machine, and the measured check-ins hash no password).
     */
    private List<RushPrep.Student> activated(List<RushPrep.Student> picked) throws SQLException {
        String hash = org.springframework.security.crypto.bcrypt.BCrypt.hashpw(benchPassword,
                org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4));
        try (Connection c = prep.db(); PreparedStatement ps = c.prepareStatement("UPDATE identity_account SET"
                + " password_hash = ?, must_change_password = false, failed_logins = 0, locked_until = NULL WHERE id IN"
                + " (SELECT account_id FROM org_student WHERE id = ANY(?))")) {
            ps.setString(1, hash);
            ps.setArray(2, c.createArrayOf("bigint", picked.stream().map(RushPrep.Student::id).toArray()));
            System.out.printf("[checkin] gave %d students the bench password (as if activated)%n", ps.executeUpdate());
        }
        return picked;
    }

    /** Signs each student in with the bench password and applies for their position. */
    private ScenarioBuilder login() {
        ChainBuilder form = exec(http("login: form").get("/login")
                .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")));
        ChainBuilder one = exec(flushCookieJar())
                .exec(session -> {
                    Session clean = session.removeAll("csrf", "loc", "sid").markAsSucceeded();
                    Integer i = toSignIn.poll();
                    if (i == null) {
                        return clean.set("idx", -1);
                    }
                    RushPrep.Student s = students.get(i);
                    return clean.set("idx", i).set("username", s.studentNo()).set("pos", target[i]);
                })
                .doIf(session -> session.getInt("idx") >= 0).then(exec(form,
                        exec(http("login: submit").post("/login").formParam("username", "#{username}")
                                .formParam("password", benchPassword).formParam("_csrf", "#{csrf}")
                                .check(status().is(302), header("Location").saveAs("loc"))),
                        exec(session -> {
                            String loc = location(session);
                            if (loc.isEmpty() || loc.contains("/login")) {
                                loginFailures.incrementAndGet();
                                System.out.println("[checkin] sign-in failed for " + session.getString("username")
                                        + ": " + (loc.isEmpty() ? "no redirect" : loc));
                                return session.markAsFailed();
                            }
                            return session;
                        }),
                        doIf(session -> !session.isFailed()).then(exec(
                                http("login: position").get("/jobs/#{pos}")
                                        .check(status().is(200), css("meta[name=_csrf]", "content").saveAs("csrf")),
                                http("login: apply").post("/jobs/#{pos}/apply").formParam("_csrf", "#{csrf}")
                                        .check(status().is(302), header("Location")
                                                .transform(RushSimulation::path)
                                                .is(session -> "/jobs/" + session.getLong("pos") + "?applied")))
                                .exec(getCookieValue(CookieKey("SESSION").saveAs("sid")))
                                .exec(session -> {
                                    if (session.isFailed() || !session.contains("sid")) {
                                        applyFailures.incrementAndGet();
                                        return session;
                                    }
                                    signedIn.add(new String[] {String.valueOf(session.getInt("idx")),
                                            session.getString("sid"), session.getString("csrf")});
                                    return session;
                                }))));
        return scenario("login and apply").asLongAs(session -> !toSignIn.isEmpty()).on(one);
    }

    private static String location(Session session) {
        return session.contains("loc") ? session.getString("loc") : "";
    }

    /** The center opens one shift per position at the workplace; the supervisor's screen starts refreshing codes. */
    private ScenarioBuilder openShifts() {
        return scenario("open shifts").exec(session -> {
            try {
                for (long position : positionIds) {
                    long shift = id(call("POST", "/api/v1/checkin/shifts", "{\"positionId\":" + position
                            + ",\"latitude\":" + LAT + ",\"longitude\":" + LNG + ",\"radiusM\":300}", 201));
                    shiftIds.add(shift);
                    shiftOfPosition.put(position, shift);
                }
                refreshCodes();
                supervisor.scheduleAtFixedRate(this::refreshCodes, 10, 10, TimeUnit.SECONDS);
                System.out.printf("[checkin] %d students signed in and placed (%d sign-in failures, %d apply"
                        + " failures); opened shifts %s%n", signedIn.size(), loginFailures.get(), applyFailures.get(),
                        shiftIds);
                scanStart = System.currentTimeMillis();
                return session;
            } catch (Exception e) {
                throw new IllegalStateException("opening the shifts failed: " + e.getMessage(), e);
            }
        });
    }

    private void refreshCodes() {
        for (long shift : List.copyOf(shiftIds)) {
            try {
                Matcher m = TOKEN.matcher(call("GET", "/api/v1/checkin/shifts/" + shift + "/code", null, 200));
                if (m.find()) {
                    codes.put(shift, m.group(1));
                } else {
                    codeFetchFailures.incrementAndGet();
                }
            } catch (Exception e) {
                codeFetchFailures.incrementAndGet();
            }
        }
    }

    /** Each signed-in student scans their shift's current code once, spread evenly over the window. */
    private ScenarioBuilder checkIn() {
        return scenario("check-in")
                .exec(session -> {
                    int k = cursor.getAndIncrement();
                    if (k >= signedIn.size()) {
                        return session.set("idx", -1);
                    }
                    String[] s = signedIn.get(k);
                    int idx = Integer.parseInt(s[0]);
                    long shift = shiftOfPosition.get(target[idx]);
                    return session.set("idx", idx).set("sid", s[1]).set("csrf", s[2])
                            .set("code", codes.get(shift)).set("device", "bench-phone-" + idx);
                })
                .exitHereIf(session -> session.getInt("idx") < 0)
                .exec(addCookie(Cookie("SESSION", "#{sid}").withPath("/")))
                .exec(session -> session.set("t0", System.currentTimeMillis()))
                .exec(http("check-in").post("/checkin").formParam("_csrf", "#{csrf}").formParam("code", "#{code}")
                        .formParam("latitude", "24.48").formParam("longitude", "118.0896")
                        .formParam("device", "#{device}")
                        .check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"), status().is(302),
                                header("Location").transform(RushSimulation::path).is("/checkin")))
                .exec(session -> {
                    long end = System.currentTimeMillis();
                    scanEnd = Math.max(scanEnd, end);
                    long rt = session.contains("rt") ? session.getLong("rt") : end - session.getLong("t0");
                    boolean ok = !session.isFailed();
                    scans.add(new long[] {session.getLong("t0"), end, rt, ok ? 1 : 0});
                    String outcome = ok ? "302_to_/checkin" : "status_" + (session.contains("status")
                            ? session.getInt("status") : 0);
                    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    return session;
                });
    }

    private String call(String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (staffUser + ":" + staffPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        HttpRequest request = json == null ? b.GET().build()
                : b.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static long id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void after() {
        supervisor.shutdownNow();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("run.id", runId);
        out.put("run.students", String.valueOf(students.size()));
        out.put("run.shifts", String.valueOf(shiftIds.size()));
        out.put("run.windowSeconds", String.valueOf(seconds));
        out.put("prep.seconds", String.format(Locale.ROOT, "%.1f", prepMillis / 1000.0));
        out.put("login.placed", String.valueOf(signedIn.size()));
        out.put("login.failed", String.valueOf(loginFailures.get()));
        out.put("login.applyFailed", String.valueOf(applyFailures.get()));
        out.put("supervisor.codeFetchFailures", String.valueOf(codeFetchFailures.get()));
        List<long[]> rows = new ArrayList<>(scans);
        out.put("checkin.count", String.valueOf(rows.size()));
        if (!rows.isEmpty()) {
            long first = rows.stream().mapToLong(r -> r[0]).min().orElseThrow();
            long last = rows.stream().mapToLong(r -> r[1]).max().orElseThrow();
            long[] times = rows.stream().mapToLong(r -> r[2]).sorted().toArray();
            out.put("checkin.httpOk", String.valueOf(rows.stream().filter(r -> r[3] == 1).count()));
            out.put("checkin.spanSeconds", String.format(Locale.ROOT, "%.3f", (last - first) / 1000.0));
            out.put("checkin.throughputPerSecond",
                    String.format(Locale.ROOT, "%.2f", rows.size() * 1000.0 / Math.max(1, last - first)));
            out.put("checkin.p50Ms", String.valueOf(RushSimulation.percentile(times, 50)));
            out.put("checkin.p95Ms", String.valueOf(RushSimulation.percentile(times, 95)));
            out.put("checkin.p99Ms", String.valueOf(RushSimulation.percentile(times, 99)));
            out.put("checkin.maxMs", String.valueOf(times[times.length - 1]));
        }
        outcomes.forEach((k, v) -> out.put("checkin.outcome." + k, String.valueOf(v.get())));
        try (Connection c = prep.db()) {
            Array ids = c.createArrayOf("bigint", shiftIds.toArray());
            out.put("db.attendances.run", one(c, "SELECT count(*) FROM chk_attendance WHERE shift_id = ANY(?)", ids));
            out.put("db.duplicateAttendances.run", one(c, "SELECT count(*) FROM (SELECT shift_id, student_id FROM"
                    + " chk_attendance WHERE shift_id = ANY(?) GROUP BY 1, 2 HAVING count(*) > 1) d", ids));
            out.put("db.checkinErrors.run", String.valueOf(rows.size()
                    - Long.parseLong(out.get("db.attendances.run"))));
            out.put("db.attendances.all", one(c, "SELECT count(*) FROM chk_attendance", null));
            out.put("db.students", one(c, "SELECT count(*) FROM org_student", null));
            out.put("db.hoursEntries", one(c, "SELECT count(*) FROM hrs_entry", null));
            out.put("db.placements", one(c, "SELECT count(*) FROM plc_placement", null));
            out.put("db.size", one(c, "SELECT pg_size_pretty(pg_database_size(current_database()))", null));
            out.put("db.chkAttendanceSize", one(c, "SELECT pg_size_pretty(pg_total_relation_size('chk_attendance'))",
                    null));
            // the shifts stay open for a later check-out run; close them so that they do not linger
            for (long shift : shiftIds) {
                try {
                    call("POST", "/api/v1/checkin/shifts/" + shift + "/close", "{}", 204);
                } catch (Exception e) {
                    out.put("close.error." + shift, e.getMessage());
                }
            }
        } catch (SQLException e) {
            out.put("db.error", e.getMessage());
        }
        StringBuilder text = new StringBuilder();
        out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(resultFile.toAbsolutePath().getParent());
            Files.writeString(resultFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\n[checkin] ===== results (also in " + resultFile.toAbsolutePath() + ") =====");
        System.out.print(text);
    }

    private static String one(Connection c, String sql, Array ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (ids != null) {
                ps.setArray(1, ids);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
