package org.workstudy.notifications;

import java.util.ArrayList;
import java.util.List;

/** Message arguments stored as a JSON array of strings: {@code ["张三","2024-2025-1"]}; null and empty as no args. */
public final class MessageArgs {

    private MessageArgs() {
    }

    public static String encode(List<String> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("[");
        for (String arg : args) {
            if (out.length() > 1) {
                out.append(',');
            }
            if (arg == null) {
                out.append("null");
                continue;
            }
            out.append(org.workstudy.shared.JsonStrings.quote(arg));
        }
        return out.append(']').toString();
    }

    /** Reads what {@link #encode} wrote (a JSON array of strings and nulls; nulls come back as empty strings). */
    public static List<String> decode(String json) {
        try {
            return parse(json);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("not a JSON array of strings: " + json, e);
        }
    }

    private static List<String> parse(String json) {
        List<String> args = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return args;
        }
        String s = json.strip();
        int i = expect(s, 0, '[');
        i = skipSpace(s, i);
        if (i < s.length() && s.charAt(i) == ']') {
            return args;
        }
        while (true) {
            i = skipSpace(s, i);
            if (s.startsWith("null", i)) {
                args.add("");
                i += 4;
            } else {
                i = expect(s, i, '"');
                StringBuilder arg = new StringBuilder();
                while (s.charAt(i) != '"') {
                    char c = s.charAt(i++);
                    if (c == '\\') {
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n' -> arg.append('\n');
                            case 'r' -> arg.append('\r');
                            case 't' -> arg.append('\t');
                            case 'b' -> arg.append('\b');
                            case 'f' -> arg.append('\f');
                            case 'u' -> {
                                arg.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> arg.append(e); // \" \\ \/
                        }
                    } else {
                        arg.append(c);
                    }
                }
                args.add(arg.toString());
                i++;
            }
            i = skipSpace(s, i);
            if (s.charAt(i) == ']') {
                return args;
            }
            i = expect(s, i, ',');
        }
    }

    private static int expect(String s, int i, char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new IllegalArgumentException("not a JSON array of strings: " + s);
        }
        return i + 1;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("not a JSON array of strings: " + s);
        }
        return i;
    }
}
