package dev.hookcheck.mock.internal.http;

import tools.jackson.databind.JsonNode;

/**
 * How an error message shows a value the client sent: at most a short prefix, so an error never
 * echoes a megabyte back (or fills a log line with it).
 */
public final class Quote {
    /** The most characters of a client's value an error message repeats. */
    public static final int MAX_CHARS = 40;

    private Quote() {}

    /** The value itself, or its first {@value #MAX_CHARS} characters followed by "… (N characters)". */
    public static String prefix(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= MAX_CHARS) {
            return value;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    /** {@code 'value'}, shortened as {@link #prefix} does. */
    public static String of(String value) {
        return "'" + prefix(value) + "'";
    }

    /** A JSON value as written ({@code 12}, {@code "x"}, {@code [1,2]}), shortened as {@link #prefix} does. */
    public static String json(JsonNode node) {
        return node.isString() ? "\"" + prefix(node.stringValue()) + "\"" : prefix(node.toString());
    }
}
