package dev.hookcheck.mock.internal.http;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for what Jetty refuses before any route runs: a request line it cannot
 * parse (bad percent-encoding, a NUL, invalid UTF-8 in the path), a URI or headers over
 * {@link Limits#MAX_REQUEST_HEAD_BYTES}, an unsupported HTTP version. The answer is JSON in the
 * shape of the dialect that owns the path, with the project's own message: Jetty's reason and
 * exception are never shown.
 */
public final class PreRouteErrors implements Request.Handler {
    private final Function<String, Dialect> dialectOf;

    /** @param dialectOf the dialect that owns a path (the raw, undecoded path is given) */
    public PreRouteErrors(Function<String, Dialect> dialectOf) {
        this.dialectOf = dialectOf;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException refused) {
            status = refused.getCode();
        }
        String path = request.getHttpURI().getPath();
        String target = null;
        if (path == null || path.equals("/badMessage")) {
            // Jetty could not parse the request line: what the client sent is only in the connection's memory
            target = RequestLines.latestTarget(request);
            path = target == null ? "" : pathOf(target);
        }
        ErrorResponse error = dialectOf.apply(path).errorResponse(errorFor(status, target != null ? target
                : request.getHttpURI().getPathQuery()));
        response.setStatus(error.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        error.headers().forEach(response.getHeaders()::put);
        if (HttpStatus.hasNoBody(error.status())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(error.body())), callback);
        }
        return true;
    }

    /** What went wrong, in words a client can act on; {@code target} is the request target as sent, if known. */
    public static ApiException errorFor(int status, String target) {
        return switch (status) {
            case 400 -> ApiException.invalid(null, target == null ? MALFORMED : badTarget(target));
            case 408 -> new ApiException(408, "timeout", null, "the request did not arrive in time; send it whole");
            case 413 -> ApiException.payloadTooLarge("the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
            case 414 -> ApiException.uriTooLong("the request URI is longer than the " + Limits.MAX_REQUEST_HEAD_BYTES
                    + " bytes the request line and headers may take together; send long values in a request body");
            case 431 -> ApiException.headersTooLarge("the request line and headers are larger than "
                    + Limits.MAX_REQUEST_HEAD_BYTES + " bytes together");
            case 505 -> new ApiException(505, "http_version_not_supported", null, "send HTTP/1.1 (or HTTP/1.0)");
            default -> status >= 500
                    ? ApiException.internal("the mock server could not take the request; this is a Hookcheck bug")
                    : new ApiException(status, "invalid_request", null,
                            "the request was refused before it reached a route (HTTP " + status + ")");
        };
    }

    private static final String MALFORMED = "the request is not valid HTTP/1.1: its path must be percent-encoded UTF-8 "
            + "without NUL, encoded slashes or control characters, and each header a name, a colon and a value";

    private static String badTarget(String target) {
        String path = pathOf(target);
        String problem = RequestGuard.encodingProblem(path);
        if (problem != null) {
            return "the request path " + problem + "; percent-encode its UTF-8 bytes, and write a literal % as %25";
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25") || lower.contains("%3b")) {
            return "the request path encodes a /, \\, % or ; (%2F, %5C, %25, %3B), which would make it ambiguous";
        }
        return MALFORMED;
    }

    /** The path of a request target as sent: origin-form {@code /p?q}, or absolute-form {@code http://h/p?q}. */
    static String pathOf(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme > 0 && scheme < 8) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }
}
