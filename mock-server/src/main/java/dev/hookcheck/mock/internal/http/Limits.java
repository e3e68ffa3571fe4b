package dev.hookcheck.mock.internal.http;

/**
 * The bounds every request is held to, before and after it reaches a route. Each has a README row
 * (Limits); going over one is a 4xx in the dialect's error shape, never a 5xx or a library's page.
 */
public final class Limits {
    /** Request line plus headers, in bytes (Jetty's request header size): a longer URI is a 414, longer headers a 431. */
    public static final int MAX_REQUEST_HEAD_BYTES = 8 * 1024;
    /** A request body, in bytes: a longer one is a 413. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Arrays and objects nested in a JSON body. */
    public static final int MAX_JSON_DEPTH = 64;
    /** Characters of one JSON number: enough for any value a field takes, far from what would cost the parser. */
    public static final int MAX_JSON_NUMBER_LENGTH = 100;
    /** Characters of one JSON field name. */
    public static final int MAX_JSON_NAME_LENGTH = 1000;

    private Limits() {}
}
