package dev.hookcheck.mock.http;

/**
 * A request the server refuses. Thrown anywhere in a handler; rendered in one place, in the error
 * shape of the dialect that owns the path. The message is shown to the client: never put a secret in it.
 *
 * @see Dialect#renderError
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400: {@code field} is wrong; the message says how. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_request", field, message);
    }

    /** 400 for a body that is not the JSON object the route expects. */
    public static ApiException malformedJson(String message) {
        return new ApiException(400, "invalid_json", null, message);
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
        return new ApiException(405, "method_not_allowed", null, "Method \"" + method + "\" not allowed.");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", null, message);
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
}
