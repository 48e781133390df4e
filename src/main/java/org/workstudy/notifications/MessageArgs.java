package org.workstudy.notifications;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Message arguments stored as a JSON array of strings: {@code ["张三","2024-2025-1"]}; null and empty as no args. */
public final class MessageArgs {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private MessageArgs() {
    }

    public static String encode(List<String> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        return JsonMapper.shared().writeValueAsString(args);
    }

    /** Reads what {@link #encode} wrote (a JSON array of strings and nulls; nulls come back as empty strings). */
    public static List<String> decode(String json) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        List<String> args;
        try {
            args = JsonMapper.shared().readValue(json, STRINGS);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON array of strings: " + json, e);
        }
        if (args == null) {
            throw new IllegalArgumentException("not a JSON array of strings: " + json);
        }
        List<String> out = new ArrayList<>(args.size());
        args.forEach(a -> out.add(a == null ? "" : a));
        return out;
    }
}
