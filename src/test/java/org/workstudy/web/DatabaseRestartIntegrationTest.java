package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.workstudy.support.HttpBrowser;

/**
 * Fault injection: the application runs on a PostgreSQL server of its own (embedded, on a free port — never the
 * shared one), which is stopped and started again while clients keep working — signed-in pages, API reads, API
 * writes. During the outage every answer is a clean 503 (page or problem), never a 500; afterwards the same
 * application serves again without a restart; every write that was answered 201 is there exactly once, nothing
 * unanswered half-written, and the confirmed hours and placements are the same, row for row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = DatabaseRestartIntegrationTest.OwnPostgres.class)
class DatabaseRestartIntegrationTest {

    private static final String PASSWORD = "Demo1234";
    private static final String USER = "zhongxin";
    /** Well inside the test's two-minute waits, so that a request left unanswered shows as such. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Test
    void aDatabaseRestartDuringLoadAnswers503AndTheApplicationRecoversLosingAndDuplicatingNothing() throws Exception {
        Map<String, String> before = OwnPostgres.checksums();
        assertThat(Long.parseLong(before.get("counted hours entries"))).as("the demo has confirmed hours").isPositive();
        assertThat(Long.parseLong(before.get("placements"))).as("the demo has placements").isPositive();
        long tokensBefore = OwnPostgres.count("SELECT count(*) FROM identity_api_token");

        HttpBrowser page = signedIn();
        HttpBrowser programs = new HttpBrowser(ANSWER_WITHIN); // API clients keep no cookies of the signed-in browser
        boolean[] pageSignedIn = {true};
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        // 0 before the stop, 1 while the server stops (requests in flight then), 2 stopped, 3 started again
        AtomicInteger phase = new AtomicInteger();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger signInsAgain = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch warmedUp = new CountDownLatch(3);
        CountDownLatch sawOutage = new CountDownLatch(3);
        CountDownLatch recovered = new CountDownLatch(3);
        AtomicBoolean restarted = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<String> odd = new CopyOnWriteArrayList<>();
        for (int c = 0; c < 3; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                boolean warm = false;
                boolean down = false;
                boolean back = false;
                int i = 0;
                while (running.get()) {
                    int sentIn = phase.get();
                    try {
                        int status = switch (client) {
                            case 0 -> {
                                HttpResponse<String> r = page.get(url("/"));
                                if (r.statusCode() == 302 && phase.get() != 2) {
                                    // a page request in flight as the server stopped may lose its session: sign in
                                    // again, as the person would (retried until it works; losses are counted and
                                    // only allowed around the stop)
                                    if (pageSignedIn[0]) {
                                        pageSignedIn[0] = false;
                                        signInsAgain.incrementAndGet();
                                        statuses.computeIfAbsent(phase.get() + ":302", k -> new AtomicInteger())
                                                .incrementAndGet();
                                    }
                                    page.follow(page.postForm(page.get(url("/login")), url("/login"),
                                            "username=" + USER + "&password=" + PASSWORD));
                                    yield -1; // the test's own sign-in, not an answer of the load
                                }
                                pageSignedIn[0] = r.statusCode() == 200 || pageSignedIn[0] && r.statusCode() == 503;
                                yield r.statusCode();
                            }
                            case 1 -> programs.send(api("/api/v1/me", basic).GET().build()).statusCode();
                            default -> {
                                HttpResponse<String> r = programs.send(api("/api/v1/me/tokens", basic)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load " + (i++)
                                                + "\",\"validDays\":1}")).build());
                                if (r.statusCode() != 201 && r.statusCode() != 503 && odd.size() < 5) {
                                    odd.add(r.statusCode() + " " + r.body());
                                }
                                if (r.statusCode() == 201) {
                                    created.incrementAndGet();
                                }
                                yield r.statusCode();
                            }
                        };
                        if (status < 0) {
                            continue;
                        }
                        statuses.computeIfAbsent(phase.get() + ":" + status, k -> new AtomicInteger())
                                .incrementAndGet();
                        boolean ok = status == 200 || status == 201;
                        if (ok && !warm) {
                            warm = true;
                            warmedUp.countDown();
                        }
                        if (status == 503 && !down) {
                            down = true;
                            sawOutage.countDown();
                        }
                        if (ok && down && restarted.get() && !back) {
                            back = true;
                            recovered.countDown();
                        }
                    } catch (IOException e) {
                        if (sentIn <= 1 && phase.get() >= 1) {
                            // sent before the stop, cut or left unanswered as the server went down (a browser shows
                            // its own error page; the person reloads): counted with the requests in flight, not judged
                            statuses.computeIfAbsent(e instanceof HttpTimeoutException ? "1:unanswered" : "1:cut",
                                    k -> new AtomicInteger()).incrementAndGet();
                            continue;
                        }
                        failures.add(client + " in phase " + sentIn + ": " + e);
                        return;
                    } catch (InterruptedException | RuntimeException | Error e) {
                        failures.add(client + " in phase " + sentIn + ": " + e);
                        return;
                    }
                }
            }, "client-" + c);
            t.start();
            clients.add(t);
        }
        try {
            assertThat(warmedUp.await(60, TimeUnit.SECONDS)).as("every client served before the outage " + failures)
                    .isTrue();
            phase.set(1);
            OwnPostgres.stop();
            phase.set(2);

            assertThat(sawOutage.await(120, TimeUnit.SECONDS)).as("every client saw the outage " + statuses + " " + failures)
                    .isTrue();
            HttpResponse<String> pageDown = page.get(url("/"));
            assertThat(pageDown.statusCode()).isEqualTo(503);
            assertThat(pageDown.headers().firstValue("Retry-After")).isPresent();
            assertThat(pageDown.body()).contains("系统暂时不可用").contains("无法连接数据库");
            HttpResponse<String> apiDown = page.send(api("/api/v1/me", basic).GET().build());
            assertThat(apiDown.statusCode()).isEqualTo(503);
            assertThat(apiDown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

            OwnPostgres.start();
            phase.set(3);
            restarted.set(true);
            assertThat(recovered.await(120, TimeUnit.SECONDS)).as("every client served again " + statuses + " " + odd
                    + " " + failures).isTrue();
        } finally {
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
        }
        assertThat(failures).isEmpty();
        System.out.println("Database restart under load, answers by phase (0 before, 1 stopping, 2 stopped,"
                + " 3 started again): " + new java.util.TreeMap<>(statuses) + "; page sessions lost: " + signInsAgain);
        // before the stop, while it was down and after it came back: only answers, 503s while down, never a 500.
        // Requests in flight at the very moment it stopped (phase 1) are counted, not judged.
        assertThat(statuses.keySet()).as("answers " + statuses + " " + odd)
                .allMatch(k -> k.startsWith("1:") || k.matches("[03]:20[01]|[23]:503|[03]:302"));
        assertThat(signInsAgain.get()).as("sessions lost only around the stop").isLessThanOrEqualTo(2);
        HttpResponse<String> home = page.get(url("/"));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"user-menu\"");
        // every write answered 201 is there, once. One writer, so at most one write was in flight when the server
        // stopped: its commit may have reached the disk while the answer (503) could not say so — at most one more.
        assertThat(OwnPostgres.count("SELECT count(*) FROM identity_api_token") - tokensBefore)
                .isBetween((long) created.get(), created.get() + 1L);
        // nothing half-written: every token has its audit entry (one transaction)
        assertThat(OwnPostgres.count("SELECT count(*) FROM identity_api_token t WHERE NOT EXISTS (SELECT 1 FROM"
                + " audit_entry a WHERE a.action = 'api-token-issued' AND a.changes LIKE '%\"token\":' || t.id || ',%')"))
                .isZero();
        assertThat(OwnPostgres.checksums()).isEqualTo(before);
    }

    private HttpBrowser signedIn() throws Exception {
        HttpBrowser browser = new HttpBrowser(ANSWER_WITHIN);
        HttpResponse<String> login = browser.get(url("/login"));
        HttpResponse<String> home = browser.follow(browser.postForm(login, url("/login"),
                "username=" + USER + "&password=" + PASSWORD));
        assertThat(home.uri().toString()).isEqualTo(url("/"));
        return browser;
    }

    private HttpRequest.Builder api(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", authorization)
                .header("Accept", "application/json").timeout(ANSWER_WITHIN);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A PostgreSQL server for this test alone, in a folder of its own, stopped and started on the same port. */
    static final class OwnPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static Path dir;
        private static int port;
        private static EmbeddedPostgres server;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                dir = Files.createTempDirectory("workstudy-restart-pg");
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                start();
                try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE workstudy ENCODING 'UTF8' TEMPLATE template0");
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(OwnPostgres::stop));
            TestPropertyValues.of(
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/workstudy",
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=",
                    // fail over in seconds, not the pool's default 30: a request waiting for the database answers 503
                    "spring.datasource.hikari.connection-timeout=3000").applyTo(context.getEnvironment());
        }

        static synchronized void start() throws IOException {
            server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false).setPort(port).setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("timezone", "UTC").start();
        }

        static synchronized void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                server = null;
            }
        }

        static Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
        }

        static long count(String sql) throws SQLException {
            try (Connection c = connect("workstudy"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Counts and an MD5 over every row of the hours ledger, its confirmations and the placements. */
        static Map<String, String> checksums() throws SQLException {
            Map<String, String> sums = new java.util.LinkedHashMap<>();
            sums.put("counted hours entries", String.valueOf(count("SELECT count(*) FROM hrs_entry WHERE NOT"
                    + " needs_confirmation OR id IN (SELECT entry_id FROM hrs_confirmation WHERE confirmed)")));
            sums.put("placements", String.valueOf(count("SELECT count(*) FROM plc_placement")));
            for (String table : new String[] {"hrs_entry", "hrs_confirmation", "plc_placement"}) {
                try (Connection c = connect("workstudy"); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY"
                                + " t::text), '')) FROM " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getLong(1) + " rows, md5 " + rs.getString(2));
                }
            }
            return sums;
        }
    }
}
