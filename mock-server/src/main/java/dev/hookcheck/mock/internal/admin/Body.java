package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An admin request body, read field by field. Every refusal is a 400 whose field is the JSON
 * pointer of the offending value ({@code events/1}) and whose message names it and quotes at most a
 * short prefix of the value. An explicit {@code null} is refused wherever leaving the field out
 * means something (a generated secret, the default overlap, a default probability): a client that
 * sends null rarely means "the default". Only {@link #freeText} fields (names, descriptions) take
 * null, meaning "none".
 */
final class Body {
    private final ObjectNode json;

    private Body(ObjectNode json) {
        this.json = json;
    }

    /** The body, refusing fields the route does not take: a misspelt field should not pass silently. */
    static Body read(Context ctx, List<String> fields) {
        ObjectNode json = Json.readObject(ctx);
        for (String name : json.propertyNames()) {
            if (!fields.contains(name)) {
                throw ApiException.invalid(pointer(name),
                        "unknown field " + Quote.of(name) + "; this body takes " + String.join(", ", fields));
            }
        }
        return new Body(json);
    }

    /** Like {@link #read}, but an empty body reads as {@code {}} (for routes whose fields are all optional). */
    static Body readOptional(Context ctx, List<String> fields) {
        return Json.body(ctx).length == 0 ? new Body(Json.object()) : read(ctx, fields);
    }

    /** Whether the field is given as JSON null (where null means something, such as "no longer narrowed"). */
    boolean isNull(String field) {
        JsonNode node = json.get(field);
        return node != null && node.isNull();
    }

    boolean has(String field) {
        return json.has(field);
    }

    /** A non-empty string, or null when not given. */
    String text(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw wrongType(field, "a string", node);
        }
        if (node.stringValue().isEmpty()) {
            throw ApiException.invalid(field, field + " must not be empty");
        }
        return node.stringValue();
    }

    /** A non-empty string that must be given. */
    String requiredText(String field) {
        if (!json.has(field)) {
            throw ApiException.invalid(field, field + " is required");
        }
        return text(field);
    }

    /**
     * A name or description: a string with something in it, or null (given as null or not at all)
     * for none. An empty or blank string is refused: it would show as a name nobody can see.
     */
    String freeText(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw wrongType(field, "a string or null", node);
        }
        if (node.stringValue().isBlank()) {
            throw ApiException.invalid(field, field + " must not be empty or blank; send null (or leave it out) for none");
        }
        return node.stringValue();
    }

    Boolean bool(String field) {
        JsonNode node = given(field);
        if (node != null && !node.isBoolean()) {
            throw wrongType(field, "true or false", node);
        }
        return node == null ? null : node.booleanValue();
    }

    /** A non-empty array of non-empty strings, or null when not given. */
    List<String> texts(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, "an array of strings", node);
        }
        if (node.isEmpty()) {
            throw ApiException.invalid(field, field + " must not be empty");
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || item.stringValue().isEmpty()) {
                throw ApiException.invalid(field + "/" + i,
                        field + "[" + i + "] must be a non-empty string, got " + describe(item));
            }
            values.add(item.stringValue());
        }
        return values;
    }

    /** A whole number within bounds, or null when not given. */
    Long integer(String field, long min, long max) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw wrongType(field, "a whole number", node);
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw ApiException.invalid(field, field + " must be between " + min + " and " + max + ", got " + Quote.json(node));
        }
        return node.longValue();
    }

    /** A number within bounds, or null when not given. */
    Double number(String field, double min, double max) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(field, "a number", node);
        }
        // numberValue() converts any size (a 400-digit integer becomes Infinity); doubleValue() would throw
        double value = node.numberValue().doubleValue();
        if (!(value >= min && value <= max)) {
            throw ApiException.invalid(field, field + " must be between " + number(min) + " and " + number(max) + ", got "
                    + Quote.json(node));
        }
        return value == 0 ? 0 : value; // -0.0 is 0
    }

    /** A non-empty array of whole numbers within bounds, or null when not given. */
    List<Integer> integers(String field, int min, int max) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, "an array of whole numbers", node);
        }
        if (node.isEmpty()) {
            throw ApiException.invalid(field, field + " must not be empty");
        }
        List<Integer> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.intValue() < min || item.intValue() > max) {
                throw ApiException.invalid(field + "/" + i, field + "[" + i + "] must be a whole number between " + min
                        + " and " + max + ", got " + describe(item));
            }
            values.add(item.intValue());
        }
        return values;
    }

    /** An ISO-8601 duration ({@code PT1H}, {@code P2D}) that is not negative, or null when not given. */
    Duration duration(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, field + " must be an ISO-8601 duration such as PT1H or P2DT30M, got " + Quote.of(value));
        }
        if (parsed.isNegative()) {
            throw ApiException.invalid(field, field + " must not be negative, got " + Quote.of(value));
        }
        return parsed;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    ObjectNode object(String field) {
        JsonNode node = given(field);
        if (node != null && !(node instanceof ObjectNode)) {
            throw wrongType(field, "a JSON object", node);
        }
        return (ObjectNode) node;
    }

    /** An ISO-8601 date-time with an offset, or null when not given. */
    Instant dateTime(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field,
                    field + " must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z, got " + Quote.of(value));
        }
    }

    /** The field's value; null when it is absent. An explicit null is refused: see the class comment. */
    private JsonNode given(String field) {
        JsonNode node = json.get(field);
        if (node != null && node.isNull()) {
            throw ApiException.invalid(field, field + " must not be null (leave out an optional field to get its default)");
        }
        return node;
    }

    private static ApiException wrongType(String field, String expected, JsonNode node) {
        return ApiException.invalid(field, field + " must be " + expected + ", got " + describe(node));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string " + Quote.json(node);
            case NUMBER -> "the number " + Quote.json(node);
            case BOOLEAN -> node.toString();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    /** A field name as one JSON pointer segment (RFC 6901 escapes). */
    private static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
