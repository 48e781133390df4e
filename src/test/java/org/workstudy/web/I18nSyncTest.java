package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message has its English twin and is written once, templates use only keys that exist, and no Chinese is
 * written into a page.
 */
class I18nSyncTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path base : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path english = I18N.resolve(base.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(english).as("English twin of " + base).exists();
                assertThat(load(english).stringPropertyNames()).as(english.toString())
                        .containsExactlyInAnyOrderElementsOf(load(base).stringPropertyNames());
            }
        }
    }

    @Test
    void templatesUseOnlyExistingKeysAndNoLiteralChinese() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                keys.addAll(load(p).stringPropertyNames());
            }
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path t : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t, StandardCharsets.UTF_8);
                Matcher m = KEY.matcher(html);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        problems.add(t + ": missing key " + m.group(1));
                    }
                }
                if (CJK.matcher(html).find()) {
                    problems.add(t + ": literal Chinese text; put it in a messages file");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A key written twice means one of its two texts is never shown (the last one wins), as a label once was. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path p : files.toList()) {
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#") && !seen.add(line.substring(0, eq).trim())) {
                        problems.add(p + ": " + line.substring(0, eq).trim());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Properties load(Path path) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
