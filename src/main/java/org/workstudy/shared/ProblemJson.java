package org.workstudy.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a problem detail (RFC 9457) for the filters that answer before Spring MVC does (sign-in, outages,
 * rejected requests, uploads over the limit), written by Jackson in the order the API's own problems have.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    /**
     * {@code {"type":…,"title":…,"status":…,"detail":…}} followed by extra properties given as name, value pairs;
     * a null detail or value leaves its property out.
     */
    public static String of(String type, String title, int status, String detail, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] != null) {
                body.put(String.valueOf(more[i]), more[i + 1]);
            }
        }
        return JsonMapper.shared().writeValueAsString(body);
    }
}
