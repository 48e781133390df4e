package org.workstudy.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One fresh PostgreSQL database per test run (per JVM), dropped when the run ends, so that runs never see each
 * other's data. The server is WORKSTUDY_TEST_DB_URL (default the local PostgreSQL, user postgres); when nothing
 * answers there, the run starts an embedded PostgreSQL of its own (the application's default database), so the suite
 * needs no server. With CI=true and WORKSTUDY_TEST_DB_URL set, a server that does not answer fails the run instead.
 */
public final class TestDatabase {

    private static final String CONFIGURED = System.getenv("WORKSTUDY_TEST_DB_URL");
    private static final String USER_SETTING = System.getenv().getOrDefault("WORKSTUDY_TEST_DB_USER", "postgres");
    private static final String PASSWORD_SETTING = System.getenv().getOrDefault("WORKSTUDY_TEST_DB_PASSWORD", "");

    private static String server;
    private static String user;
    private static String password;
    private static String url;

    private TestDatabase() {
    }

    /** The URL of this run's database, created on first use. */
    public static synchronized String url() {
        if (url == null) {
            chooseServer();
            String name = "workstudy_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            url = server.substring(0, server.lastIndexOf('/') + 1) + name;
        }
        return url;
    }

    public static synchronized String user() {
        url();
        return user;
    }

    public static synchronized String password() {
        url();
        return password;
    }

    private static void chooseServer() {
        String configured = CONFIGURED != null ? CONFIGURED : "jdbc:postgresql://127.0.0.1:5432/postgres";
        if (answers(configured)) {
            server = configured;
            user = USER_SETTING;
            password = PASSWORD_SETTING;
            return;
        }
        if (CONFIGURED != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL does not answer at WORKSTUDY_TEST_DB_URL=" + CONFIGURED
                    + " and CI=true: failing instead of starting an embedded server");
        }
        System.err.println("No PostgreSQL answers at " + configured + ": starting an embedded PostgreSQL for this run");
        try {
            // Removed with its data when the run ends (the library's own shutdown hook).
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start();
            server = embedded.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", "");
            user = "postgres";
            password = "";
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean answers(String jdbcUrl) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, USER_SETTING, PASSWORD_SETTING)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Drops the run's database once the application contexts, closed by their own shutdown hooks at the same time,
     * have let go of their connections: forcing the drop while they still work would leave them waiting for a
     * connection until the pool's timeout. Forced after a few seconds all the same.
     */
    private static void drop(String name) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Connection c = DriverManager.getConnection(server, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
                return;
            } catch (SQLException stillInUse) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException serverGone) {
            // the embedded server may have stopped first: its data goes with it
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql, e);
        }
    }
}
