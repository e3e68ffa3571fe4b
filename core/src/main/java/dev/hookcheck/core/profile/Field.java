package dev.hookcheck.core.profile;

import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Where a receiver finds one value in a delivery: a header, a field of the JSON body, or a rule of the
 * provider's own (Stripe's {@code t=} inside its signature header).
 *
 * <p>A body is a JSON object, or a JSON array of event objects (providers that batch events send one
 * array per request). "A field of the body" is then a field of its first event ({@link #event}): the
 * kit sends one event per delivery, and a receiver of such a body handles each element as that one.
 */
@FunctionalInterface
public interface Field {
    /**
     * The value in this delivery, or null where it has none.
     *
     * @param header the delivery's headers by name, case-insensitively (null for a missing one)
     * @param body the body parsed as JSON (an object or an array of event objects), or null when it is not JSON
     */
    String read(UnaryOperator<String> header, JsonNode body);

    /** The value of one header. */
    static Field header(String name) {
        Objects.requireNonNull(name, "name");
        return (header, body) -> header.apply(name);
    }

    /**
     * The object a body's fields are read at: the body itself when it is a JSON object, its first element when
     * it is a JSON array whose first element is an object, else null.
     */
    static JsonNode event(JsonNode body) {
        if (body == null) {
            return null;
        }
        if (body.isArray()) {
            JsonNode first = body.get(0);
            return first != null && first.isObject() ? first : null;
        }
        return body.isObject() ? body : null;
    }

    /** The text at {@code path} in the body's event ({@code "event", "type"}; see {@link #event}). */
    static Field json(String... path) {
        String[] names = path.clone();
        return (header, body) -> {
            JsonNode node = event(body);
            for (String name : names) {
                node = node == null ? null : node.get(name);
            }
            return node == null || node.isNull() || node.isContainer() ? null : node.asString();
        };
    }

    /** One item of a header made of {@code name=value} items separated by commas ({@code t} of {@code t=…,v1=…}). */
    static Field headerItem(String name, String item) {
        return headerItem(name, item, ',');
    }

    /** One item of a header made of {@code name=value} items separated by {@code separator} ({@code ts=…;h1=…}). */
    static Field headerItem(String name, String item, char separator) {
        Objects.requireNonNull(item, "item");
        String split = java.util.regex.Pattern.quote(String.valueOf(separator));
        return (header, body) -> {
            String value = header.apply(name);
            if (value == null) {
                return null;
            }
            for (String part : value.split(split)) {
                String stripped = part.strip();
                if (stripped.startsWith(item + "=")) {
                    return stripped.substring(item.length() + 1);
                }
            }
            return null;
        };
    }

    /** A value the provider does not send (no signed timestamp, no event id): always the same field. */
    static Field none() {
        return None.NONE;
    }

    /** The one field that reads nothing. */
    enum None implements Field {
        NONE;

        @Override
        public String read(UnaryOperator<String> header, JsonNode body) {
            return null;
        }
    }
}
