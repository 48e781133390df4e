package org.workstudy.audit;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The small JSON writer the trail needs: objects, lists, strings, numbers, booleans and null. */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> fields) {
        return fields.entrySet().stream().map(e -> string(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Json::value).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> string(String.valueOf(e.getKey())) + ":" + value(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return string(value.toString());
    }

    static String string(String s) {
        return org.workstudy.shared.JsonStrings.quote(s);
    }
}
