package org.workstudy.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One fresh PostgreSQL database per test run (per JVM), dropped when the run ends, so that runs never see each
 * other's data. The server comes from WORKSTUDY_TEST_DB_URL (default the local PostgreSQL, user postgres).
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("WORKSTUDY_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("WORKSTUDY_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("WORKSTUDY_TEST_DB_PASSWORD", "");

    private static String url;
    private static Boolean available;

    private TestDatabase() {
    }

    /** Whether the PostgreSQL server answers. */
    public static synchronized boolean available() {
        if (available == null) {
            try (Connection ignored = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
                available = true;
            } catch (SQLException e) {
                available = false;
            }
        }
        return available;
    }

    /** The URL of this run's database, created on first use. */
    public static synchronized String url() {
        if (url == null) {
            String name = "workstudy_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
        }
        return url;
    }

    /**
     * Drops the run's database once the application contexts, closed by their own shutdown hooks at the same time,
     * have let go of their connections: forcing the drop while they still work would leave them waiting for a
     * connection until the pool's timeout. Forced after a few seconds all the same.
     */
    private static void drop(String name) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
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
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql, e);
        }
    }
}
