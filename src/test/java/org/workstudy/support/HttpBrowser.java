package org.workstudy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real HTTP as a browser does it, without a browser: keeps cookies per host and follows redirects one hop at a time
 * (so a test sees every hop between WorkStudy and an identity system). Thread-safe.
 */
public final class HttpBrowser {

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** A page that never answers fails the test instead of hanging it. */
    private final Duration answerTimeout;

    public HttpBrowser() {
        this(Duration.ofSeconds(60));
    }

    public HttpBrowser(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }
    private final List<String> hops = new CopyOnWriteArrayList<>();

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        hops.add("GET " + url);
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                        .timeout(answerTimeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form fields with the page's CSRF token (if it has one); answers the first response. */
    public HttpResponse<String> postForm(HttpResponse<String> page, String action, String fields)
            throws IOException, InterruptedException {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        String body = fields + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                : "");
        hops.add("POST " + action);
        return http.send(HttpRequest.newBuilder(URI.create(action)).header("Accept", "text/html").timeout(answerTimeout)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, sent as is (an API call with its own headers). */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        hops.add(request.method() + " " + request.uri());
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> follow(String url) throws IOException, InterruptedException {
        return follow(get(url));
    }

    public HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int i = 0; i < 15 && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(response.uri().resolve(location).toString());
        }
        assertThat(response.statusCode() / 100).as("hops " + hops).isNotEqualTo(3);
        return response;
    }
}
