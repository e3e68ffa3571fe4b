package dev.hookcheck.mock.internal.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * Query parameter parsing with the checks every dialect needs. Each failure is a 400 naming the
 * parameter; an absent (or empty) parameter yields the default.
 */
public final class Params {
    private Params() {}

    public static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = text(ctx, name);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be an integer, got " + Quote.of(value));
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalid(name, name + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    public static String oneOf(Context ctx, String name, Collection<String> allowed) {
        String value = text(ctx, name);
        if (value != null && !allowed.contains(value)) {
            throw ApiException.invalid(name, name + " must be one of " + String.join(", ", allowed) + ", got " + Quote.of(value));
        }
        return value;
    }

    /** An ISO-8601 date-time with an offset ({@code 2026-01-01T00:00:00Z}). */
    public static Instant dateTime(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z, got " + Quote.of(value));
        }
    }

    public static Boolean bool(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, name + " must be true or false, got " + Quote.of(value));
        };
    }
}
