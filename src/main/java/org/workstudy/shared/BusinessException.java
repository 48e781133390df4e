package org.workstudy.shared;

import java.util.Arrays;

/**
 * A rule or input the user broke. It carries a message key (resolved in the user's language, in pages and in API
 * problem details) and the HTTP status it maps to.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final int status;
    private String field;

    public BusinessException(int status, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Invalid input or a broken rule (HTTP 422). */
    public static BusinessException invalid(String messageKey, Object... args) {
        return new BusinessException(422, messageKey, args);
    }

    /** A conflicting state, such as a duplicate (HTTP 409). */
    public static BusinessException conflict(String messageKey, Object... args) {
        return new BusinessException(409, messageKey, args);
    }

    /** Nothing there, or nothing the user may see (HTTP 404). */
    public static BusinessException notFound(String messageKey, Object... args) {
        return new BusinessException(404, messageKey, args);
    }

    /** Outside the user's role or data scope (HTTP 403). */
    public static BusinessException forbidden() {
        return new BusinessException(403, "error.forbidden");
    }

    /**
     * Text longer than its column allows: refused naming the field and its limit, never cut. {@code field} is the
     * field's name in forms and JSON; its label is the message {@code field.<field>}.
     */
    public static BusinessException tooLong(String field, int max) {
        return new BusinessException(422, "error.too-long",
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"field." + field},
                        field), String.valueOf(max)).field(field);
    }

    /** Names the input field the error is about (API problem details carry it as {@code field}). */
    public BusinessException field(String name) {
        this.field = name;
        return this;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public int status() {
        return status;
    }
}
