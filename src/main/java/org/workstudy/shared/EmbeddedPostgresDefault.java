package org.workstudy.shared;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The default database: when no {@code spring.datasource.url} is configured, the application starts a PostgreSQL
 * server of its own (the same database as in production, only embedded), keeps its data in
 * {@code workstudy.embedded-db.dir} (default {@code ./data/pg}) between runs and stops it when the application stops.
 * With a URL (WORKSTUDY_DB_URL or the postgres profile) nothing is embedded.
 */
public final class EmbeddedPostgresDefault implements EnvironmentPostProcessor {

    static final String DATABASE = "workstudy";
    private static final String LOCK_FILE = "epg-lock";

    private final Log log;

    public EmbeddedPostgresDefault(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresDefault.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("workstudy.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        Path dir = Path.of(environment.getProperty("workstudy.embedded-db.dir", "data/pg")).toAbsolutePath()
                .normalize();
        int port = environment.getProperty("workstudy.embedded-db.port", Integer.class, 0);
        EmbeddedPostgres server = start(dir, port);
        // After every application context has closed (its pool included), not in a shutdown hook of its own that
        // would race the application's.
        SpringApplication.getShutdownHandlers().add(() -> stop(server));
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
        log.info("Embedded PostgreSQL on 127.0.0.1:" + server.getPort() + ", data in " + dir
                + " (psql -h 127.0.0.1 -p " + server.getPort() + " -U postgres " + DATABASE + ")");
    }

    private EmbeddedPostgres start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            stopOrphanedServer(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(dir.resolveSibling("pg.log").toFile()))
                    .setErrorRedirector(Redirect.appendTo(dir.resolveSibling("pg.log").toFile()))
                    .start();
            createDatabase(server);
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dir + " (its log: "
                    + dir.resolveSibling("pg.log") + "). Set WORKSTUDY_DB_URL to use a PostgreSQL server instead.", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    /**
     * A server left running by an application that was killed (not stopped) still holds the data folder: stop it,
     * unless another running application owns the folder, which is an error.
     */
    private void stopOrphanedServer(Path dir) throws IOException {
        File lockFile = dir.resolve(LOCK_FILE).toFile();
        if (lockFile.exists()) {
            try (FileChannel channel = new FileOutputStream(lockFile, true).getChannel();
                    FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new IllegalStateException("Another running WorkStudy uses " + dir);
                }
            }
        }
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn("Stopping the PostgreSQL server (pid " + orphan.get().pid() + ") left behind in " + dir);
            orphan.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone with their JVM
            try {
                orphan.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The PostgreSQL server left behind in " + dir + " did not stop", e);
            }
        }
    }

    private void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL", e);
        }
    }
}
