package org.workstudy.awards.internal;

import java.util.List;

/** One condition met or lacked, as a message key with its figures; {@code text} is it in the reader's language. */
public record Reason(String key, List<Object> args, String text) {

    static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args), null);
    }
}
