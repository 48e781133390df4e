package workstudy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the rush through the application's own API (HTTP Basic, as the center staff user): an on-campus employer,
 * then {@code positions} first-come positions of capacity 3 taken through create, submit, approve and publish, with
 * the application window open from a minute ago. Earlier bench positions still published are closed first (that
 * cancels their wait-lists, so that repeated runs do not hit the limit of open applications per student). Students
 * are read from the application's database (JDBC), shuffled with a fixed seed.
 */
final class RushPrep {

    static final String TITLE_PREFIX = "压测抢报岗位";
    static final String EMPLOYER_NAME = "压测用人单位（校内）";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Student(long id, String studentNo, long accountId) {
    }

    private final String baseUrl;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String basicAuth;
    /** A personal access token issued once with HTTP Basic; every later call is a cached hash lookup, no BCrypt. */
    private volatile String bearer;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RushPrep(String baseUrl, String jdbcUrl, String dbUser, String dbPassword, String staffUser, String staffPassword) {
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.basicAuth = "Basic " + Base64.getEncoder()
                .encodeToString((staffUser + ":" + staffPassword).getBytes(StandardCharsets.UTF_8));
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /**
     * {@code count} distinct active students with an enabled account, in a seeded random order of the whole roster.
     * Students have no password until they activate their account (issue 11); the bench gives the chosen ones the
     * bench password directly in its own database (one BCrypt hash for all of them), as if they had activated it.
     */
    List<Student> students(int count, long seed, String benchPassword) throws SQLException {
        List<Student> all = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT s.id, s.student_no, s.account_id FROM org_student s"
                        + " JOIN identity_account a ON a.id = s.account_id WHERE s.status = 'ACTIVE' AND a.enabled"
                        + " AND (a.locked_until IS NULL OR a.locked_until < now()) ORDER BY s.id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Student(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        if (all.size() < count) {
            throw new IllegalStateException("only " + all.size() + " active students in the database, " + count
                    + " asked for: load the demo school with --workstudy.demo.students=30000");
        }
        Collections.shuffle(all, new Random(seed));
        List<Student> chosen = List.copyOf(all.subList(0, count));
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(benchPassword);
        try (Connection c = db()) {
            java.sql.Array ids = c.createArrayOf("bigint", chosen.stream().map(Student::accountId).toArray());
            try (PreparedStatement set = c.prepareStatement("UPDATE identity_account SET password_hash = ?,"
                    + " must_change_password = FALSE WHERE id = ANY(?)");
                    PreparedStatement codes = c.prepareStatement(
                            "DELETE FROM identity_activation WHERE account_id = ANY(?)")) {
                set.setString(1, hash);
                set.setArray(2, ids);
                set.executeUpdate();
                codes.setArray(1, ids);
                codes.executeUpdate();
            }
        }
        return chosen;
    }

    /** Closes the published positions of earlier runs (their wait-lists are cancelled by the application). */
    int closeEarlierRuns() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM pos_position WHERE title LIKE ? AND status = 'PUBLISHED' ORDER BY id")) {
            ps.setString(1, TITLE_PREFIX + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        parallel(ids.stream().map(id -> (Step) () -> {
            post("/api/v1/positions/" + id + "/close", "{}", 200);
            return id;
        }).toList());
        return ids.size();
    }

    /** Creates and publishes the rush positions; returns their ids in order. */
    List<Long> createPositions(int count, int capacity, String runId) throws Exception {
        long employer = employer();
        LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
        LocalDate workFrom = now.toLocalDate().plusDays(7);
        String opensAt = now.minusMinutes(1).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String closesAt = now.plusDays(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        List<Step> steps = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            String title = TITLE_PREFIX + " " + runId + " #" + k;
            String body = "{\"employerId\":" + employer + ",\"title\":\"" + title + "\","
                    + "\"description\":\"load benchmark (bench/rush)\",\"type\":\"TEMPORARY\","
                    + "\"timeKinds\":[\"WEEKEND\"],\"place\":\"体育馆\",\"city\":\"\",\"capacity\":" + capacity + ","
                    + "\"hoursPerShift\":4,\"hourlyPay\":20,\"workFrom\":\"" + workFrom + "\",\"workTo\":\""
                    + workFrom.plusDays(30) + "\",\"opensAt\":\"" + opensAt + "\",\"closesAt\":\"" + closesAt + "\","
                    + "\"selectionMode\":\"FIRST_COME\"}";
            steps.add(() -> {
                long id = id(post("/api/v1/positions", body, 201));
                for (String step : List.of("submit", "approve", "publish")) {
                    post("/api/v1/positions/" + id + "/" + step, "{}", 200);
                }
                return id;
            });
        }
        return parallel(steps);
    }

    private long employer() throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM pos_employer WHERE name = ? AND on_campus AND active ORDER BY id")) {
            ps.setString(1, EMPLOYER_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return id(post("/api/v1/employers", "{\"onCampus\":true,\"name\":\"" + EMPLOYER_NAME + "\",\"city\":\"厦门\","
                + "\"address\":\"体育馆\",\"contactPerson\":\"压测\",\"phone\":\"0592-6180099\",\"active\":true}", 201));
    }

    /** Issues the bench's personal access token (one BCrypt check for the whole preparation). */
    private String bearer() throws IOException, InterruptedException {
        if (bearer == null) {
            synchronized (this) {
                if (bearer == null) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/tokens"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", basicAuth)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench rush\",\"validDays\":1}"))
                            .build();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    Matcher m = TOKEN.matcher(response.body());
                    if (response.statusCode() != 201 || !m.find()) {
                        throw new IllegalStateException("issuing the bench token answered " + response.statusCode()
                                + ": " + response.body());
                    }
                    bearer = "Bearer " + m.group(1);
                }
            }
        }
        return bearer;
    }

    private String post(String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer()).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
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

    interface Step {
        long run() throws Exception;
    }

    /** A few at a time. */
    private static List<Long> parallel(List<Step> steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (Step s : steps) {
                futures.add(pool.submit(s::run));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
