package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Over real HTTP, as nginx would forward it: a request that came in over HTTPS (X-Forwarded-Proto from a trusted
 * proxy) gets a Secure session cookie and HSTS; a plain HTTP one gets neither (HSTS over HTTP means nothing).
 */
@IntegrationTest
class BehindTlsProxyIntegrationTest {

    @Autowired
    Fixtures school;
    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anHttpsRequestThroughTheProxyGetsASecureCookieAndHsts() throws Exception {
        String user = school.account(Grant.school(Role.LEADER));
        HttpResponse<String> signedIn = signIn(user, true);
        assertThat(sessionCookie(signedIn)).contains("Secure").contains("HttpOnly");
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age="));
        // the redirect after sign-in stays on https
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("https://"));
    }

    @Test
    void aPlainHttpRequestGetsNeither() throws Exception {
        String user = school.account(Grant.school(Role.LEADER));
        HttpResponse<String> signedIn = signIn(user, false);
        assertThat(sessionCookie(signedIn)).doesNotContain("Secure");
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpResponse<String> signIn(String user, boolean https) throws Exception {
        HttpResponse<String> page = client.send(request("/login", https).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookie = sessionCookie(page).split(";")[0];
        return client.send(request("/login", https).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Fixtures.PASSWORD
                        + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, boolean https) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (https) {
            b.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
        }
        return b;
    }

    private static String sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
