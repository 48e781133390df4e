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
