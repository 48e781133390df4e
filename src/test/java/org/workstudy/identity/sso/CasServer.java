package org.workstudy.identity.sso;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal server speaking the CAS 3 protocol, as a school's 统一身份认证 does: {@code /cas/login?service=…} sends
 * the browser back to the service with a one-time service ticket for whoever is signed in at CAS ({@link #signIn});
 * {@code /cas/p3/serviceValidate} answers the CAS 3 XML, with the person's 学工号 in the attribute {@code xgh} (the
 * CAS user itself is an internal id, so the test proves the attribute is what maps). Tickets are single-use and bound
 * to their service.
 */
public final class CasServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger tickets = new AtomicInteger();
    private final Map<String, String[]> issued = new ConcurrentHashMap<>();
    private volatile String signedIn;

    private CasServer(HttpServer server) {
        this.server = server;
    }

    public static CasServer start(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        CasServer cas = new CasServer(http);
        http.createContext("/cas/login", cas::login);
        http.createContext("/cas/p3/serviceValidate", cas::validate);
        http.start();
        return cas;
    }

    /** The person who is signed in at CAS (their 学工号), as if they had typed their school password there. */
    public void signIn(String studentOrStaffNumber) {
        this.signedIn = studentOrStaffNumber;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cas";
    }

    private void login(HttpExchange exchange) throws IOException {
        String service = query(exchange).get("service");
        String person = signedIn;
        if (service == null || person == null) {
            answer(exchange, 400, "text/plain", "no service or nobody signed in");
            return;
        }
        String ticket = "ST-" + tickets.incrementAndGet() + "-cas";
        issued.put(ticket, new String[] {service, person});
        exchange.getResponseHeaders().add("Location", service + (service.contains("?") ? "&" : "?") + "ticket="
                + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void validate(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String[] ticket = issued.remove(String.valueOf(q.get("ticket")));
        String xml;
        if (ticket == null || !ticket[0].equals(q.get("service"))) {
            xml = "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\"><cas:authenticationFailure"
                    + " code=\"INVALID_TICKET\">Ticket not recognized</cas:authenticationFailure></cas:serviceResponse>";
        } else {
            xml = "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\"><cas:authenticationSuccess>"
                    + "<cas:user>uid-" + ticket[1].hashCode() + "</cas:user><cas:attributes>"
                    + "<cas:xgh>" + ticket[1] + "</cas:xgh><cas:xm>测试</cas:xm>"
                    + "</cas:attributes></cas:authenticationSuccess></cas:serviceResponse>";
        }
        answer(exchange, 200, "application/xml;charset=UTF-8", xml);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
