import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Server-side cost of the rush from the application's flight recording(s), for the window in which the applies ran:
 * CPU samples by what they were doing, and database round trips (socket writes to the PostgreSQL port; the bench
 * recording sets jdk.SocketWrite's threshold to 0). Run with the source launcher:
 *
 * <pre>java bench/rush/JfrSummary.java FROM_EPOCH_MS TO_EPOCH_MS APPLIES DB_PORT app-1.jfr [app-2.jfr ...]</pre>
 */
public class JfrSummary {

    /** Where a sample's stack is, first match from the top of this list wins. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();
    static {
        KINDS.put("bcrypt", "BCrypt");
        KINDS.put("org.springframework.session", "session store (Spring Session)");
        KINDS.put("org.thymeleaf", "page rendering (Thymeleaf)");
        KINDS.put("org.workstudy.placements.Applications.apply", "apply service");
        KINDS.put("org.postgresql", "JDBC driver");
        KINDS.put("com.zaxxer.hikari", "connection pool");
        KINDS.put("org.springframework.modulith", "event publication registry");
        KINDS.put("org.springframework.security", "security filters");
        KINDS.put("org.apache.catalina", "Tomcat");
        KINDS.put("org.apache.coyote", "Tomcat");
        KINDS.put("org.apache.tomcat", "Tomcat");
        KINDS.put("org.springframework.web", "Spring MVC");
    }

    public static void main(String[] args) throws Exception {
        Instant from = Instant.ofEpochMilli(Long.parseLong(args[0]));
        Instant to = Instant.ofEpochMilli(Long.parseLong(args[1]));
        long applies = Long.parseLong(args[2]);
        int dbPort = Integer.parseInt(args[3]);
        long samples = 0;
        long roundTrips = 0;
        long requestRoundTrips = 0;
        Map<String, Long> byKind = new TreeMap<>();
        for (int i = 4; i < args.length; i++) {
            for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[i]))) {
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = e.getEventType().getName();
                if (type.equals("jdk.SocketWrite") && e.getInt("port") == dbPort) {
                    roundTrips++;
                    if (e.getThread() != null && String.valueOf(e.getThread().getJavaName()).startsWith("http-nio")) {
                        requestRoundTrips++;
                    }
                } else if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                    samples++;
                    byKind.merge(kind(e.getStackTrace().getFrames()), 1L, Long::sum);
                }
            }
        }
        System.out.printf("jfr.window.ms=%d%n", to.toEpochMilli() - from.toEpochMilli());
        System.out.printf("jfr.dbRoundTrips=%d%n", roundTrips);
        System.out.printf("jfr.dbRoundTripsPerApply=%.1f%n", roundTrips / (double) Math.max(1, applies));
        System.out.printf("jfr.dbRoundTripsFromRequestThreadsPerApply=%.1f%n",
                requestRoundTrips / (double) Math.max(1, applies));
        System.out.printf("jfr.cpuSamples=%d%n", samples);
        long all = Math.max(1, samples);
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(k -> System.out.printf("jfr.samples.%s=%d (%.0f%%)%n", k.getKey().replace(' ', '_'),
                        k.getValue(), 100.0 * k.getValue() / all));
    }

    private static String kind(List<RecordedFrame> frames) {
        // The innermost recognisable layer: walk from the top frame down.
        for (RecordedFrame f : frames) {
            String where = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            String lower = where.toLowerCase();
            for (var k : KINDS.entrySet()) {
                if (k.getKey().equals("bcrypt") ? lower.contains("bcrypt") : where.startsWith(k.getKey())) {
                    return k.getValue();
                }
            }
        }
        return "other";
    }
}
