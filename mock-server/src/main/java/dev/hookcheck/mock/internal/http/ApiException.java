package dev.hookcheck.mock.internal.http;

/**
 * A request the server refuses. Thrown anywhere in a handler (or made from what Jetty refused before
 * any handler ran); rendered in one place, in the error shape of the dialect that owns the path. The
 * message is shown to the client: the project's own words, never a library's text, a class name or
 * a secret; a value the client sent appears only through {@link Quote}, and the whole message is
 * capped at {@value #MAX_MESSAGE} characters.
 *
 * @see Dialect#errorResponse
 */
public final class ApiException extends RuntimeException {
    /** The longest message a client is shown. */
    public static final int MAX_MESSAGE = 1000;
    /** The longest field name an error names (an unknown field's name is the client's text). */
    public static final int MAX_FIELD = 100;

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String field, String message) {
        super(cap(message, MAX_MESSAGE), null, false, false);
        this.status = status;
        this.code = code;
        this.field = field == null ? null : cap(field, MAX_FIELD);
    }

    /** 400: {@code field} is wrong; the message says how. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_request", field, message);
    }

    /** 400 for a body that is not the JSON object the route expects. */
    public static ApiException malformedJson(String message) {
        return new ApiException(400, "invalid_json", null, message);
    }

    /** 400 for a body that is not the JSON object the route expects, where a field is at fault (a number too long). */
    public static ApiException malformedJson(String field, String message) {
        return new ApiException(400, "invalid_json", field, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", null, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", null, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", null, message);
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "method_not_allowed", null, "Method \"" + Quote.prefix(method) + "\" not allowed.");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", null, message);
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, "payload_too_large", null, message);
    }

    public static ApiException uriTooLong(String message) {
        return new ApiException(414, "uri_too_long", null, message);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", null, message);
    }

    public static ApiException headersTooLarge(String message) {
        return new ApiException(431, "header_too_large", null, message);
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "internal_error", null, message);
    }

    public int status() {
        return status;
    }

    /** A machine-readable code such as {@code invalid_request}. */
    public String code() {
        return code;
    }

    /** The request field at fault (query parameter or body field), or null. */
    public String field() {
        return field;
    }

    /** {@code message} cut to {@value #MAX_MESSAGE} characters, as every error message is. */
    public static String capped(String message) {
        return cap(message, MAX_MESSAGE);
    }

    private static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
