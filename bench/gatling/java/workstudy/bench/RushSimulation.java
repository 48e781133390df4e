package workstudy.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The 8 a.m. rush: {@code bench.students} distinct students, signed in beforehand, all apply at the same moment for
 * {@code bench.positions} first-come positions of capacity 3 (each student one position, chosen with a fixed seed),
 * while other signed-in students browse the positions. Afterwards the database is read back for oversell.
 *
 * <p>Three phases in one simulation: {@code login} (a few virtual users sign the students in one after the other
 * and keep each student's SESSION cookie and CSRF token), then, at the same moment, {@code rush} (one virtual user
 * per student, {@code atOnceUsers}) and {@code browse} (a constant arrival rate for {@code bench.browseSeconds}).
 * Only rush and browse requests count for the figures, which are computed here from the measured requests (Gatling's
 * own report under {@code target/gatling/} includes the login phase in its global figures).
 *
 * <p>System properties (defaults in brackets): bench.baseUrl [http://127.0.0.1:8080], bench.jdbcUrl
 * [jdbc:postgresql://127.0.0.1:5432/workstudy_bench], bench.dbUser [postgres], bench.dbPassword [], bench.students
 * [3000], bench.positions [100], bench.capacity [3], bench.seed [20261127], bench.password [Bench-2026-rush] (the
 * password the chosen students are given, as if they had activated their accounts), bench.staffUser [zhongxin],
 * bench.staffPassword [Demo1234], bench.loginConcurrency [8], bench.browseRate [20] (browsing visits per second,
 * 3 requests each), bench.browseSeconds [20], bench.ceiling [true], bench.resultFile [target/bench/rush-result.properties].
 *
 * <p>With {@code bench.ceiling} the same students first send, all at once, the cheapest signed-in request there is
 * ({@code GET /jobs/{id}/seats}, the places badge: the session read, the security filters and a cached fragment, no
 * write): its throughput is the ceiling of this stack on this machine for any apply path, queued or not.
 */
public class RushSimulation extends Simulation {

    private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080");
    private final String jdbcUrl = System.getProperty("bench.jdbcUrl",
            "jdbc:postgresql://127.0.0.1:5432/workstudy_bench");
    private final int studentCount = Integer.getInteger("bench.students", 3000);
    private final int positionCount = Integer.getInteger("bench.positions", 100);
    private final int capacity = Integer.getInteger("bench.capacity", 3);
    private final long seed = Long.getLong("bench.seed", 20261127L);
    private final String benchPassword = System.getProperty("bench.password", "Bench-2026-rush");
    private final int loginConcurrency = Integer.getInteger("bench.loginConcurrency", 8);
    private final double browseRate = Double.parseDouble(System.getProperty("bench.browseRate", "20"));
    private final int browseSeconds = Integer.getInteger("bench.browseSeconds", 20);
    private final boolean ceiling = Boolean.parseBoolean(System.getProperty("bench.ceiling", "true"));
    private final Path resultFile = Path.of(System.getProperty("bench.resultFile",
            "target/bench/rush-result.properties"));
    private final Path sessionFile = Path.of(System.getProperty("bench.sessionFile", "target/bench/sessions.tsv"));

    private final RushPrep prep;
    private final String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss"));
    private final List<RushPrep.Student> students;
    private final List<Long> positionIds;
    /** The position each selected student applies for, by index in {@link #students}. */
    private final long[] target;

    /** Login phase: indexes still to sign in; signed-in students (index, SESSION cookie, CSRF token). */
    private final ConcurrentLinkedQueue<Integer> toSignIn = new ConcurrentLinkedQueue<>();
    private final List<String[]> signedIn = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger loginFailures = new AtomicInteger();
    private final AtomicInteger rushCursor = new AtomicInteger();
    private final AtomicInteger ceilingCursor = new AtomicInteger();
    private final Random browseRandom;

    /** Measured rush and browse requests: start and end (epoch ms), Gatling's response time, ok (1/0). */
    private final ConcurrentLinkedQueue<long[]> applies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> browses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> ceilings = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> applyOutcomes = new java.util.concurrent.ConcurrentHashMap<>();
    private long prepMillis;

    public RushSimulation() {
        URI base = URI.create(baseUrl);
        if (!List.of("127.0.0.1", "localhost", "::1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("bench.baseUrl must be on this machine: " + baseUrl);
        }
        prep = new RushPrep(baseUrl, jdbcUrl, System.getProperty("bench.dbUser", "postgres"),
                System.getProperty("bench.dbPassword", ""), System.getProperty("bench.staffUser", "zhongxin"),
                System.getProperty("bench.staffPassword", "Demo1234"));
        browseRandom = new Random(seed + 1);
        long t0 = System.currentTimeMillis();
        try {
            int closed = prep.closeEarlierRuns();
            students = prep.students(studentCount, seed, benchPassword);
            positionIds = prep.createPositions(positionCount, capacity, runId);
            System.out.printf("[rush] prepared run %s: closed %d earlier bench positions, created %d positions"
                    + " (capacity %d, ids %d..%d), picked %d students%n", runId, closed, positionIds.size(),
                    capacity, Collections.min(positionIds), Collections.max(positionIds), students.size());
        } catch (Exception e) {
            throw new IllegalStateException("preparing the rush failed: " + e.getMessage(), e);
        }
        prepMillis = System.currentTimeMillis() - t0;
        Random random = new Random(seed);
        target = new long[students.size()];
        java.util.Set<Integer> reused = reuseSessions();
        for (int i = 0; i < target.length; i++) {
            target[i] = positionIds.get(random.nextInt(positionIds.size()));
            if (!reused.contains(i)) {
                toSignIn.add(i);
            }
        }

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).disableFollowRedirect().warmUp(baseUrl + "/login")
                .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8").acceptLanguageHeader("zh-CN,zh;q=0.9")
                .userAgentHeader("workstudy-bench-rush");

        var rushPhase = rush().injectOpen(atOnceUsers(students.size()));
        List<PopulationBuilder> rushAndBrowse = browseSeconds > 0 && browseRate > 0
                ? List.of(rushPhase, browse().injectOpen(constantUsersPerSec(browseRate).during(browseSeconds)))
                : List.of(rushPhase);
        PopulationBuilder loggedIn = login().injectOpen(atOnceUsers(Math.min(loginConcurrency, students.size())));
        setUp(ceiling
                ? loggedIn.andThen(ceiling().injectOpen(atOnceUsers(students.size())).andThen(rushAndBrowse))
                : loggedIn.andThen(rushAndBrowse))
                .protocols(protocol)
                .maxDuration(java.time.Duration.ofMinutes(60));
    }

    /**
     * Sessions of an earlier run on the same database (sessions live in the database, so they survive a restart of
     * the application): each is checked with one {@code GET /jobs}, and the students whose session still works are
     * not signed in again. Sign-in (a BCrypt check each) is most of a reduced run's time on a busy machine.
     */
    private java.util.Set<Integer> reuseSessions() {
        java.util.Set<Integer> ok = new java.util.HashSet<>();
        if (!Boolean.parseBoolean(System.getProperty("bench.reuseSessions", "true")) || !Files.exists(sessionFile)) {
            return ok;
        }
        Map<String, Integer> byNo = new java.util.HashMap<>();
        for (int i = 0; i < students.size(); i++) {
            byNo.put(students.get(i).studentNo(), i);
        }
        var client = java.net.http.HttpClient.newBuilder().build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String[]>> checks = new ArrayList<>();
            for (String line : Files.readAllLines(sessionFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\\t");
                Integer i = f.length == 4 && f[0].equals(jdbcUrl) ? byNo.get(f[1]) : null;
                if (i == null) {
                    continue;
                }
                checks.add(pool.submit(() -> {
                    var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl + "/jobs"))
                            .header("Cookie", "SESSION=" + f[2]).GET().build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                    // a lost session answers 302 to /login
                    return response.statusCode() == 200 ? new String[] {String.valueOf(i), f[2], f[3]} : null;
                }));
            }
            for (var check : checks) {
                String[] s = check.get();
                if (s != null && ok.add(Integer.parseInt(s[0]))) {
                    signedIn.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[rush] reused %d sessions of an earlier run%n", ok.size());
        return ok;
    }

    /** Signs the students in one after the other with the bench password ({@link RushPrep#students} set it). */
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
                    return clean.set("idx", i).set("username", s.studentNo());
                })
                .doIf(session -> session.getInt("idx") >= 0).then(exec(form,
                        exec(http("login: submit").post("/login").formParam("username", "#{username}")
                                .formParam("password", benchPassword).formParam("_csrf", "#{csrf}")
                                .check(status().is(302), header("Location").saveAs("loc"))),
                        exec(session -> {
                            String loc = location(session);
                            if (loc.isEmpty() || loc.contains("/login")) {
                                loginFailures.incrementAndGet();
                                System.out.println("[rush] sign-in failed for " + session.getString("username")
                                        + ": " + (loc.isEmpty() ? "no redirect" : loc));
                                return session.markAsFailed();
                            }
                            return session;
                        }),
                        doIf(session -> !session.isFailed()).then(exec(
                                http("login: jobs").get("/jobs")
                                        .check(status().is(200), css("meta[name=_csrf]", "content").saveAs("csrf")))
                                .exec(getCookieValue(CookieKey("SESSION").saveAs("sid")))
                                .exec(session -> {
                                    if (session.isFailed() || !session.contains("sid")) {
                                        loginFailures.incrementAndGet();
                                        return session;
                                    }
                                    signedIn.add(new String[] {String.valueOf(session.getInt("idx")),
                                            session.getString("sid"), session.getString("csrf")});
                                    return session;
                                }))));
        return scenario("login").asLongAs(session -> !toSignIn.isEmpty()).on(one);
    }

    private static String location(Session session) {
        return session.contains("loc") ? session.getString("loc") : "";
    }

    /** The path of a Location header, absolute or not. */
    static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    /** Each signed-in student applies once, all at the same moment. */
    private ScenarioBuilder rush() {
        return scenario("rush")
                .exec(session -> {
                    int k = rushCursor.getAndIncrement();
                    if (k >= signedIn.size()) {
                        return session.set("idx", -1);
                    }
                    String[] s = signedIn.get(k);
                    int idx = Integer.parseInt(s[0]);
                    return session.set("idx", idx).set("sid", s[1]).set("csrf", s[2]).set("pos", target[idx]);
                })
                .exitHereIf(session -> session.getInt("idx") < 0)
                .exec(addCookie(Cookie("SESSION", "#{sid}").withPath("/")))
                .exec(session -> session.set("t0", System.currentTimeMillis()))
                .exec(http("apply").post("/jobs/#{pos}/apply").formParam("_csrf", "#{csrf}")
                        .check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"),
                                header("Location").optional().saveAs("loc"), status().is(302),
                                header("Location").transform(RushSimulation::path)
                                        .is(session -> "/jobs/" + session.getLong("pos") + "?applied")))
                .exec(session -> {
                    long end = System.currentTimeMillis();
                    long rt = session.contains("rt") ? session.getLong("rt") : end - session.getLong("t0");
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    String loc = session.contains("loc") ? session.getString("loc") : "";
                    boolean ok = !session.isFailed();
                    applies.add(new long[] {session.getLong("t0"), end, rt, ok ? 1 : 0});
                    String outcome = ok ? "302 -> /jobs/{id}" : status + (loc.isEmpty() ? "" : " -> " + loc);
                    applyOutcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    return session;
                });
    }

    /** Each signed-in student asks for its position's places badge, all at the same moment (the stack's ceiling). */
    private ScenarioBuilder ceiling() {
        return scenario("ceiling")
                .exec(session -> {
                    int k = ceilingCursor.getAndIncrement();
                    if (k >= signedIn.size()) {
                        return session.set("idx", -1);
                    }
                    String[] s = signedIn.get(k);
                    return session.set("idx", Integer.parseInt(s[0])).set("sid", s[1])
                            .set("pos", target[Integer.parseInt(s[0])]);
                })
                .exitHereIf(session -> session.getInt("idx") < 0)
                .exec(addCookie(Cookie("SESSION", "#{sid}").withPath("/")))
                .exec(session -> session.set("t0", System.currentTimeMillis()))
                .exec(http("ceiling: seats").get("/jobs/#{pos}/seats").header("HX-Request", "true")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200)))
                .exec(session -> {
                    long end = System.currentTimeMillis();
                    long rt = session.contains("rt") ? session.getLong("rt") : end - session.getLong("t0");
                    ceilings.add(new long[] {session.getLong("t0"), end, rt, session.isFailed() ? 0 : 1});
                    return session;
                });
    }

    /** Signed-in students look at the list, a position and its places-left badge (htmx). */
    private ScenarioBuilder browse() {
        return scenario("browse")
                .exec(session -> {
                    if (signedIn.isEmpty()) {
                        return session.set("idx", -1);
                    }
                    String[] s;
                    long pos;
                    synchronized (browseRandom) {
                        s = signedIn.get(browseRandom.nextInt(signedIn.size()));
                        pos = positionIds.get(browseRandom.nextInt(positionIds.size()));
                    }
                    return session.set("idx", Integer.parseInt(s[0])).set("sid", s[1]).set("pos", pos);
                })
                .exitHereIf(session -> session.getInt("idx") < 0)
                .exec(addCookie(Cookie("SESSION", "#{sid}").withPath("/")))
                .exec(timed(http("browse: jobs").get("/jobs")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200))))
                .exec(timed(http("browse: job").get("/jobs/#{pos}")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200))))
                .exec(timed(http("browse: seats").get("/jobs/#{pos}/seats").header("HX-Request", "true")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200))));
    }

    private ChainBuilder timed(io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return exec(session -> session.set("t0", System.currentTimeMillis()).remove("rt").markAsSucceeded())
                .exec(request)
                .exec(session -> {
                    long end = System.currentTimeMillis();
                    long rt = session.contains("rt") ? session.getLong("rt") : end - session.getLong("t0");
                    browses.add(new long[] {session.getLong("t0"), end, rt, session.isFailed() ? 0 : 1});
                    return session;
                });
    }

    @Override
    public void after() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("run.id", runId);
        out.put("run.students", String.valueOf(students.size()));
        out.put("run.positions", String.valueOf(positionIds.size()));
        out.put("run.capacity", String.valueOf(capacity));
        out.put("run.positionIds", Collections.min(positionIds) + ".." + Collections.max(positionIds));
        out.put("prep.seconds", String.format(Locale.ROOT, "%.1f", prepMillis / 1000.0));
        out.put("login.signedIn", String.valueOf(signedIn.size()));
        out.put("login.failed", String.valueOf(loginFailures.get()));
        stats("apply", new ArrayList<>(applies), out);
        stats("browse", new ArrayList<>(browses), out);
        stats("ceiling", new ArrayList<>(ceilings), out);
        applyOutcomes.forEach((k, v) -> out.put("apply.outcome." + k.replace(' ', '_'), String.valueOf(v.get())));
        try {
            readBack(out);
        } catch (SQLException e) {
            out.put("db.error", e.getMessage());
        }
        StringBuilder sessions = new StringBuilder();
        synchronized (signedIn) {
            for (String[] s : signedIn) {
                sessions.append(jdbcUrl).append('\t').append(students.get(Integer.parseInt(s[0])).studentNo())
                        .append('\t').append(s[1]).append('\t').append(s[2]).append('\n');
            }
        }
        StringBuilder text = new StringBuilder();
        out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(resultFile.toAbsolutePath().getParent());
            Files.writeString(resultFile, text, StandardCharsets.UTF_8);
            Files.writeString(sessionFile, sessions, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\n[rush] ===== results (also in " + resultFile.toAbsolutePath() + ") =====");
        System.out.print(text);
    }

    /** Count, OK, throughput over the span from the first start to the last end, and percentiles of Gatling's times. */
    private static void stats(String name, List<long[]> rows, Map<String, String> out) {
        out.put(name + ".count", String.valueOf(rows.size()));
        if (rows.isEmpty()) {
            return;
        }
        long first = rows.stream().mapToLong(r -> r[0]).min().orElseThrow();
        long last = rows.stream().mapToLong(r -> r[1]).max().orElseThrow();
        long[] times = rows.stream().mapToLong(r -> r[2]).sorted().toArray();
        out.put(name + ".ok", String.valueOf(rows.stream().filter(r -> r[3] == 1).count()));
        out.put(name + ".firstStartEpochMs", String.valueOf(first));
        out.put(name + ".lastEndEpochMs", String.valueOf(last));
        out.put(name + ".spanSeconds", String.format(Locale.ROOT, "%.3f", (last - first) / 1000.0));
        out.put(name + ".throughputPerSecond",
                String.format(Locale.ROOT, "%.1f", rows.size() * 1000.0 / Math.max(1, last - first)));
        out.put(name + ".p50Ms", String.valueOf(percentile(times, 50)));
        out.put(name + ".p95Ms", String.valueOf(percentile(times, 95)));
        out.put(name + ".p99Ms", String.valueOf(percentile(times, 99)));
        out.put(name + ".maxMs", String.valueOf(times[times.length - 1]));
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void readBack(Map<String, String> out) throws SQLException {
        try (Connection c = prep.db()) {
            Array ids = c.createArrayOf("bigint", positionIds.toArray());
            // Oversell as the counter sees it, and as the placements themselves count (independent of the counter).
            out.put("db.oversoldSeats.run", one(c, "SELECT count(*) FROM plc_seat WHERE accepted > capacity"
                    + " AND position_id = ANY(?)", ids));
            out.put("db.oversoldSeats.all", one(c, "SELECT count(*) FROM plc_seat WHERE accepted > capacity", null));
            String placed = "SELECT count(*) FROM (SELECT p.position_id, count(*) AS placed FROM plc_placement p"
                    + " WHERE p.ended_at IS NULL GROUP BY p.position_id) x JOIN plc_seat s"
                    + " ON s.position_id = x.position_id WHERE x.placed > s.capacity";
            out.put("db.oversoldPlacements.run", one(c, placed + " AND s.position_id = ANY(?)", ids));
            out.put("db.oversoldPlacements.all", one(c, placed, null));
            out.put("db.oversoldAgainstPosition.run", one(c, "SELECT count(*) FROM (SELECT p.position_id,"
                    + " count(*) AS placed FROM plc_placement p WHERE p.ended_at IS NULL AND p.position_id = ANY(?)"
                    + " GROUP BY p.position_id) x JOIN pos_position q ON q.id = x.position_id"
                    + " WHERE x.placed > q.capacity", ids));
            out.put("db.duplicateApplications.all", one(c, "SELECT count(*) FROM (SELECT student_id, position_id"
                    + " FROM plc_application GROUP BY student_id, position_id HAVING count(*) > 1) d", null));
            out.put("db.duplicatePlacements.all", one(c, "SELECT count(*) FROM (SELECT student_id, position_id"
                    + " FROM plc_placement WHERE ended_at IS NULL GROUP BY student_id, position_id"
                    + " HAVING count(*) > 1) d", null));
            out.put("db.applications.run", one(c, "SELECT count(*) FROM plc_application WHERE position_id = ANY(?)",
                    ids));
            out.put("db.acceptedApplications.run", one(c, "SELECT count(*) FROM plc_application"
                    + " WHERE status = 'ACCEPTED' AND position_id = ANY(?)", ids));
            out.put("db.waitlisted.run", one(c, "SELECT count(*) FROM plc_application WHERE status = 'WAITLISTED'"
                    + " AND position_id = ANY(?)", ids));
            out.put("db.acceptedSeats.run", one(c, "SELECT coalesce(sum(accepted), 0) FROM plc_seat"
                    + " WHERE position_id = ANY(?)", ids));
            out.put("db.activePlacements.run", one(c, "SELECT count(*) FROM plc_placement WHERE ended_at IS NULL"
                    + " AND position_id = ANY(?)", ids));
            // What a perfect run accepts: every position full, or every applicant of a position under-subscribed.
            out.put("db.expectedAccepted.run", one(c, "SELECT coalesce(sum(least(n, " + capacity + ")), 0) FROM"
                    + " (SELECT position_id, count(*) AS n FROM plc_application WHERE position_id = ANY(?)"
                    + " GROUP BY position_id) x", ids));
            out.put("db.fullPositions.run", one(c, "SELECT count(*) FROM plc_seat WHERE accepted = capacity"
                    + " AND position_id = ANY(?)", ids));
        }
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
