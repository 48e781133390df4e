package org.workstudy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.workstudy.support.IntegrationTest;
import org.workstudy.support.TestDatabase;

/**
 * The documented backup and restore, as an operator runs it: bin/backup.sh dumps this run's database (the demo school
 * with its three years of ledger, while the application is running) and bin/restore.sh restores it into a new
 * database; the row count of every table and the MD5 of the ledger, its confirmations and the placements match.
 */
@IntegrationTest
class BackupRestoreIntegrationTest {

    @Test
    void aBackupRestoresIntoANewDatabaseWithTheSameRowsAndLedgerChecksum(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String source = TestDatabase.url();
        int server = serverMajorVersion(source);
        int client = pgDumpMajorVersion();
        assumeTrue(client >= server, "pg_dump " + client + " cannot dump this PostgreSQL " + server
                + " test server (install postgresql-client-" + server + "; see README, Backup and restore)");

        Path file = dir.resolve("workstudy.dump");
        Result backup = run("bin/backup.sh", libpq(source), file.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        List<String> atBackup = Files.readAllLines(Path.of(file + ".checksums"), StandardCharsets.UTF_8);
        assertThat(atBackup).anyMatch(l -> l.matches("rows hrs_entry [1-9][0-9]*"))
                .anyMatch(l -> l.matches("rows plc_placement [1-9][0-9]*"))
                .anyMatch(l -> l.startsWith("md5 hrs_entry "));

        String name = "workstudy_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(source, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        String target = source.substring(0, source.lastIndexOf('/') + 1) + name;
        try {
            Result restore = run("bin/restore.sh", file.toString(), libpq(target));
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("match the backup");
            assertThat(checksums(target)).isEqualTo(atBackup);
        } finally {
            execute(source, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The same SQL the scripts use, run here over JDBC on the restored database. */
    private static List<String> checksums(String url) throws SQLException, IOException {
        String sql = Files.readString(Path.of("bin/checksums.sql"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^--.*$", "");
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) {
                if (statement.isBlank()) {
                    continue;
                }
                if (s.execute(statement)) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            lines.add(rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static String libpq(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        String password = TestDatabase.password();
        return "postgresql://" + TestDatabase.user() + (password.isEmpty() ? "" : ":" + password) + "@" + rest;
    }

    private static int serverMajorVersion(String url) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        }
    }

    private static int pgDumpMajorVersion() throws IOException, InterruptedException {
        Result version = run("bash", "-c", "\"${PG_BIN:+$PG_BIN/}pg_dump\" --version");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" (\\d+)(\\.\\d+)*").matcher(version.output());
        return version.exitCode() == 0 && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
