package dev.hookcheck.mock.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every request must pass before its route runs, checked in this order:
 * <ol>
 *   <li>on a server bound to a loopback address, the {@code Host} names a loopback host: a page on
 *       another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) cannot read the sandbox;</li>
 *   <li>no {@code X-HTTP-Method-Override} (or its variants): the method is the request line's, so a
 *       GET can never delete;</li>
 *   <li>a declared body within {@link Limits#MAX_BODY_BYTES};</li>
 *   <li>the query string is valid percent-encoded UTF-8, so a parameter is never silently dropped;</li>
 *   <li>on the admin API: the admin token when one is set, and for writes no cross-site
 *       request ({@code Sec-Fetch-Site}, {@code Origin}) and a JSON body ({@code Content-Type}
 *       {@code application/json}): a web page cannot change the sandbox behind its user's back.</li>
 * </ol>
 * Each refusal is an {@link ApiException}, rendered in the dialect's shape.
 */
public final class RequestGuard implements Handler {
    static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final boolean loopback;
    private final Predicate<String> admin;
    private final Set<String> openAdminPaths;
    private final byte[] adminToken;

    /**
     * @param loopback the server listens on a loopback address only, so only loopback host names are real
     * @param admin whether a path is the admin API's
     * @param openAdminPaths admin paths that need no token (the health check, the API description)
     * @param adminToken the token admin requests must carry, if any
     */
    public RequestGuard(boolean loopback, Predicate<String> admin, Set<String> openAdminPaths, Optional<String> adminToken) {
        this.loopback = loopback;
        this.admin = admin;
        this.openAdminPaths = Set.copyOf(openAdminPaths);
        this.adminToken = adminToken.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public void handle(Context ctx) {
        if (loopback) {
            checkHost(ctx.header("Host"));
        }
        for (String header : OVERRIDE_HEADERS) {
            if (ctx.header(header) != null) {
                throw ApiException.invalid(null, header + " is not supported: the method is the one in the request line; "
                        + "send " + Quote.prefix(ctx.header(header)) + " itself");
            }
        }
        if (ctx.req().getContentLengthLong() > Limits.MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge("the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
        }
        checkQuery(ctx.queryString());
        if (admin.test(ctx.path())) {
            if (adminToken != null && !openAdminPaths.contains(ctx.path())) {
                checkToken(ctx.header("Authorization"));
            }
            if (!SAFE.contains(ctx.method())) {
                checkSameSite(ctx);
            }
        }
    }

    private static void checkHost(String host) {
        if (host == null) {
            return; // HTTP/1.0 without Host: nothing a browser sends
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end > 0 ? name.substring(1, end) : name;
        } else if (name.indexOf(':') == name.lastIndexOf(':') && name.indexOf(':') > 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        boolean loopbackName = name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        if (!loopbackName) {
            throw ApiException.forbidden("the Host " + Quote.of(host) + " is not this sandbox: it listens on a loopback "
                    + "address and answers only localhost, 127.0.0.1 and [::1] (a guard against DNS rebinding); to serve "
                    + "other names, listen on another interface (--host 0.0.0.0) with an admin token");
        }
    }

    /** Every % starts two hex digits, and what they encode is UTF-8: otherwise Javalin would drop the parameter silently. */
    static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String problem = encodingProblem(pair);
            if (problem != null) {
                String shown = encodingProblem(name) == null ? decode(name) : name;
                throw ApiException.invalid(shown, "the query parameter " + Quote.of(shown) + " " + problem
                        + "; percent-encode its UTF-8 bytes, and write a literal % as %25");
            }
        }
    }

    /** Why {@code text} is not valid percent-encoded UTF-8, or null when it is. */
    static String encodingProblem(String text) {
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return "has a % that is not followed by two hex digits";
                }
                bytes.put((byte) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return decoded.chars().anyMatch(ch -> ch == 0) ? "holds a NUL (%00)" : null;
        } catch (CharacterCodingException e) {
            return "is not percent-encoded UTF-8";
        }
    }

    private static String decode(String name) {
        return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    private void checkToken(String authorization) {
        byte[] given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, adminToken)) {
            throw ApiException.unauthorized(authorization == null
                    ? "the admin API needs the admin token: send Authorization: Bearer <token>, the token the server was "
                            + "started with (--admin-token or HOOKCHECK_ADMIN_TOKEN)"
                    : "the admin token is wrong: send Authorization: Bearer <token> with the token the server was started with");
        }
    }

    /**
     * A browser marks where a request comes from; a page on another site may not write. Clients
     * that are not browsers (curl, tests, the CLI) send neither header and pass.
     */
    private static void checkSameSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw crossSite("Sec-Fetch-Site: " + Quote.prefix(site));
        }
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && (host == null || !(origin.equalsIgnoreCase("http://" + host)
                || origin.equalsIgnoreCase("https://" + host)))) {
            throw crossSite("Origin " + Quote.prefix(origin));
        }
        if (hasBody(ctx) && !isJson(ctx.header("Content-Type"))) {
            throw ApiException.unsupportedMediaType("the admin API takes request bodies as application/json, got "
                    + (ctx.header("Content-Type") == null ? "no Content-Type" : Quote.of(ctx.header("Content-Type"))));
        }
    }

    private static ApiException crossSite(String evidence) {
        return ApiException.forbidden("a cross-site request may not change the sandbox (" + evidence + "); use the "
                + "dashboard this server serves, curl, or the JUnit extension");
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
