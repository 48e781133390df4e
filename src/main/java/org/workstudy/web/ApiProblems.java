package org.workstudy.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.workstudy.shared.BusinessException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Errors of the JSON API as RFC 9457 problem details, in one place; the detail is in the caller's language (Chinese
 * unless the request asks for English). A problem about one input names it in {@code field} and says what was
 * expected in {@code expected}, so that a program's author can fix the call without reading our logs.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private final MessageSource messages;
    private final long uploadLimitMb;

    ApiProblems(MessageSource messages,
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize uploadLimit) {
        this.messages = messages;
        this.uploadLimitMb = uploadLimit.toMegabytes();
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> business(BusinessException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setType(URI.create("urn:workstudy:" + e.messageKey()));
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Locale locale) {
        return business(BusinessException.forbidden(), locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("error.invalid", null, locale));
        problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + messages.getMessage(f, locale)).toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** A body that is no JSON, or a JSON value of the wrong type, format or range for its field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        JacksonException json = cause(e, JacksonException.class);
        String field = json == null ? null : path(json);
        Class<?> target = json instanceof MismatchedInputException m ? m.getTargetType()
                : json instanceof InputCoercionException c ? c.getTargetType() : null;
        if (field == null || field.isEmpty()) {
            if (json != null && json.getLocation() != null && json.getLocation().getLineNr() > 0) {
                return problem(HttpStatus.BAD_REQUEST, "api.body.malformed-at", locale, null, null,
                        json.getLocation().getLineNr(), json.getLocation().getColumnNr());
            }
            return problem(HttpStatus.BAD_REQUEST, "api.body.malformed", locale, null, null);
        }
        if (json instanceof InvalidFormatException f && f.getValue() instanceof String text
                && JsonTextModule.hasControlCharacter(text)) {
            String expected = messages.getMessage("api.expected.plain-text", null, locale);
            return problem(HttpStatus.BAD_REQUEST, "api.field.wrong-value", locale, field, expected, field, expected);
        }
        return wrongValue(field, target, locale);
    }

    /** A query or path parameter of the wrong type: {@code ?page=x}, {@code /students/abc}, an unknown enum. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        if (e.getValue() instanceof String text && JsonTextModule.hasControlCharacter(text)) {
            String expected = messages.getMessage("api.expected.plain-text", null, locale);
            return problem(HttpStatus.BAD_REQUEST, "api.field.wrong-value", locale, e.getName(), expected,
                    e.getName(), expected);
        }
        return wrongValue(e.getName(), e.getRequiredType(), locale);
    }

    /**
     * A text parameter (query or path) with a control character is refused as it is read, naming the parameter, like
     * JSON text ({@link JsonTextModule}); it would otherwise reach PostgreSQL, which cannot hold a NUL.
     */
    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && JsonTextModule.hasControlCharacter(text)) {
                    throw new IllegalArgumentException("a control character (such as NUL)");
                }
                setValue(text);
            }
        });
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "api.field.missing", locale, e.getParameterName(), null,
                e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "api.field.missing", locale, e.getRequestPartName(), null,
                e.getRequestPartName());
    }

    /** A parameter outside its declared bounds (such as {@code page=-1}). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> outOfBounds(HandlerMethodValidationException e, Locale locale) {
        var result = e.getParameterValidationResults().stream().findFirst().orElse(null);
        String field = result == null ? null : result.getMethodParameter().getParameterName();
        String reason = result == null || result.getResolvableErrors().isEmpty() ? ""
                : messages.getMessage(result.getResolvableErrors().get(0), locale);
        return problem(HttpStatus.BAD_REQUEST, "api.field.out-of-bounds", locale, field, reason, field, reason);
    }

    /** The API reads JSON and multipart bodies only: a form post (which a browser sends cross-site) is refused. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.body.media-type", locale, null, null,
                e.getContentType() == null ? "-" : e.getContentType().toString());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "api.method", locale, null, null, e.getMethod());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(Locale locale) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "upload.too-large", locale, null, null,
                uploadLimitMb);
    }

    /**
     * The database refused a value that a check above it missed (text longer than its column, a NUL): a 422 that
     * says so, rather than a 500. Every field we know of is checked by name before it gets here.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException e, Locale locale) {
        String key = DatabaseRefusals.messageKey(e);
        if (key == null) {
            throw e;
        }
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, key, locale, null, null, DatabaseRefusals.limit(e));
    }

    private ResponseEntity<ProblemDetail> wrongValue(String field, Class<?> target, Locale locale) {
        String expected = expected(target, locale);
        return problem(HttpStatus.BAD_REQUEST, "api.field.wrong-value", locale, field, expected, field, expected);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale, String field,
            String expected, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, key, locale));
        problem.setType(URI.create("urn:workstudy:" + key));
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (expected != null) {
            problem.setProperty("expected", expected);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** What a value of this type looks like, in words. */
    private String expected(Class<?> type, Locale locale) {
        if (type == null) {
            return messages.getMessage("api.expected.value", null, locale);
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return messages.getMessage("api.expected.one-of", new Object[] {values}, locale);
        }
        String key = type == int.class || type == Integer.class || type == short.class || type == Short.class
                ? "api.expected.int"
                : type == long.class || type == Long.class || type == BigInteger.class ? "api.expected.long"
                : type == BigDecimal.class || type == double.class || type == Double.class || type == float.class
                        || type == Float.class ? "api.expected.number"
                : type == boolean.class || type == Boolean.class ? "api.expected.boolean"
                : type == LocalDate.class ? "api.expected.date"
                : type == LocalTime.class ? "api.expected.time"
                : type == LocalDateTime.class || type == OffsetDateTime.class || type == Instant.class
                        ? "api.expected.date-time"
                : type == String.class ? "api.expected.text"
                : Collection.class.isAssignableFrom(type) || type.isArray() ? "api.expected.list"
                : type.isRecord() ? "api.expected.object" : "api.expected.value";
        return messages.getMessage(key, null, locale);
    }

    /** The JSON path of the value, such as {@code studentIds[2]} or {@code replacement.workDate}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** Reads PostgreSQL's refusals that are the input's fault. */
    static final class DatabaseRefusals {

        private DatabaseRefusals() {
        }

        /** A message key for a refusal that is the input's fault, or null for anything else. */
        static String messageKey(Throwable e) {
            SQLException sql = cause(e, SQLException.class);
            String state = sql == null ? null : sql.getSQLState();
            if ("22001".equals(state)) { // string_data_right_truncation: longer than the column
                return "error.too-long-unnamed";
            }
            if ("22021".equals(state) || "22P05".equals(state)) { // a NUL or an invalid byte sequence
                return "error.control-character";
            }
            return null;
        }

        /** The column's length from "value too long for type character varying(50)", or "?". */
        static String limit(Throwable e) {
            SQLException sql = cause(e, SQLException.class);
            String m = sql == null || sql.getMessage() == null ? "" : sql.getMessage();
            var matcher = java.util.regex.Pattern.compile("varying\\((\\d+)\\)").matcher(m);
            return matcher.find() ? matcher.group(1) : "?";
        }
    }
}
