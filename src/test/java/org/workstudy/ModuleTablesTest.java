package org.workstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's SQL names only its own tables: what another module stores is read through that module's facade (or
 * organization's {@code DataScope.condition} for "which students"). The module check cannot see SQL, so this test
 * reads the string literals (and text blocks) of each module's main code and looks for table names, taken from the
 * Flyway migrations, whose prefix belongs to another module.
 */
class ModuleTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/workstudy");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table prefix → owning module. The longest matching prefix wins (a module split out of credits adds its own). */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("apv_", "approvals"),
            Map.entry("audit_", "audit"),
            Map.entry("cal_", "calendar"),
            Map.entry("chk_", "checkin"),
            Map.entry("cr_", "credits"),
            Map.entry("cr_exemption", "exemptions"),
            Map.entry("cr_notice", "notices"),
            Map.entry("cr_recognition", "recognition"),
            Map.entry("cr_quality", "quality"),
            Map.entry("dlv_", "delivery"),
            Map.entry("hrs_", "hours"),
            Map.entry("identity_", "identity"),
            Map.entry("idn_", "identity"),
            Map.entry("ntf_", "notifications"),
            Map.entry("pay_", "pay"),
            Map.entry("awd_", "awards"),
            Map.entry("org_", "organization"),
            Map.entry("plc_", "placements"),
            Map.entry("pol_", "policy"),
            Map.entry("pos_", "positions"),
            Map.entry("sts_", "statistics"),
            Map.entry("asm_", "assessment"));

    /** Tables of the frameworks (Modulith's event registry, ShedLock, Spring Session): no module's SQL names them. */
    private static final Set<String> FRAMEWORK_TABLES =
            Set.of("event_publication", "shedlock", "spring_session", "spring_session_attributes");

    /**
     * Reads still crossing a module's tables while a refactoring lands, as "file → table". Empty now; the test fails
     * when a line here no longer occurs, so that the list only shrinks.
     */
    private static final Set<String> KNOWN = Set.of();

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void everyTableHasAnOwner() {
        List<String> orphans = tables().stream()
                .filter(t -> owner(t) == null && !FRAMEWORK_TABLES.contains(t)).toList();
        assertThat(orphans).as("tables whose prefix names no module (add it to OWNERS)").isEmpty();
    }

    @Test
    void noModuleNamesAnotherModulesTables() {
        Set<String> tables = tables();
        Set<String> found = new TreeSet<>();
        for (Path file : javaFiles()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            String relative = SOURCES.relativize(file).toString().replace('\\', '/');
            for (String literal : literals(read(file))) {
                Matcher words = Pattern.compile("[a-z_][a-z0-9_]*").matcher(literal.toLowerCase());
                while (words.find()) {
                    String table = words.group();
                    String owner = tables.contains(table) ? owner(table) : null;
                    if (owner != null && !owner.equals(module)) {
                        found.add(relative + " → " + table);
                    }
                }
            }
        }
        assertThat(found).as("SQL naming another module's tables (read through the owner's facade instead)")
                .isSubsetOf(KNOWN);
        assertThat(KNOWN).as("KNOWN lines that no longer occur: remove them").isSubsetOf(found);
    }

    @Test
    void readsLiteralsButNotComments() {
        String source = """
                // FROM org_student in a comment
                String a = "SELECT 1 FROM org_student s"; /* org_class */ char q = '"';
                String b = \"""
                    JOIN plc_placement p ON "x" = 'y'
                    \""";
                String c = "a \\" quoted \\" org_major";
                """;
        assertThat(literals(source)).containsExactly("SELECT 1 FROM org_student s",
                "    JOIN plc_placement p ON \"x\" = 'y'\n    ", "a \\\" quoted \\\" org_major");
    }

    private static String owner(String table) {
        return OWNERS.entrySet().stream().filter(e -> table.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    private static Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = CREATE_TABLE.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(tables).as("tables found in the migrations").contains("org_student", "plc_placement");
        return tables;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            // only files inside a module folder (not WorkStudyApplication.java at the root)
            return files.filter(f -> f.toString().endsWith(".java") && SOURCES.relativize(f).getNameCount() > 1)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals and text blocks of Java source (their raw text, escapes left as written); comments skipped. */
    static List<String> literals(String source) {
        List<String> found = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char ch = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i), n);
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2), n) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int close = source.indexOf("\"\"\"", start);
                found.add(source.substring(start, end(close, n)));
                i = end(close, n) + 3;
            } else if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != ch && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (ch == '"') {
                    found.add(source.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int end(int index, int length) {
        return index < 0 ? length : index;
    }
}
