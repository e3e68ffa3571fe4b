package dev.hookcheck.core.profile;

import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Where a receiver finds one value in a delivery: a header, a field of the JSON body, or a rule of the
 * provider's own (Stripe's {@code t=} inside its signature header).
 */
@FunctionalInterface
public interface Field {
    /**
     * The value in this delivery, or null where it has none.
     *
     * @param header the delivery's headers by name, case-insensitively (null for a missing one)
     * @param body the body parsed as JSON, or null when it is not a JSON object
     */
    String read(UnaryOperator<String> header, JsonNode body);

    /** The value of one header. */
    static Field header(String name) {
        Objects.requireNonNull(name, "name");
        return (header, body) -> header.apply(name);
    }

    /** The text at {@code path} in the JSON body ({@code "event", "type"}). */
    static Field json(String... path) {
        String[] names = path.clone();
        return (header, body) -> {
            JsonNode node = body;
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
