package org.workstudy.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The trail's JSON, written by Jackson: objects, lists, strings, numbers, booleans and null; any other value (dates,
 * enums, codes) is recorded as its text, as the audit page shows it.
 */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> fields) {
        return JsonMapper.shared().writeValueAsString(plain(fields));
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Json::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value.toString();
    }
}
