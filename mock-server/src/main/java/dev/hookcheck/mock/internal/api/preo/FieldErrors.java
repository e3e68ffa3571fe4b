package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DRF validation error: every wrong field with its messages, collected while a request is checked
 * and thrown once as a single 400 {@code {"<field>":["message", …]}}, so a client sees all its
 * mistakes at once. {@link dev.hookcheck.mock.internal.http.ApiException} names one field only, hence this
 * type; {@link PreoApi} renders both.
 */
final class FieldErrors extends RuntimeException {
    /** A list of a thousand bad items is told in this many messages and a count of the rest. */
    static final int MAX_PER_FIELD = 10;

    private final Map<String, List<String>> messages = new LinkedHashMap<>();
    private final Map<String, Integer> dropped = new LinkedHashMap<>();

    FieldErrors() {
        super("validation failed", null, false, false);
    }

    void add(String field, String message) {
        List<String> list = messages.computeIfAbsent(field, f -> new ArrayList<>());
        if (list.size() < MAX_PER_FIELD) {
            list.add(ApiException.capped(message));
        } else {
            dropped.merge(field, 1, Integer::sum);
        }
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw this;
        }
    }

    ObjectNode toJson() {
        ObjectNode body = Json.object();
        messages.forEach((field, list) -> {
            ArrayNode items = body.putArray(field);
            list.forEach(items::add);
            if (dropped.containsKey(field)) {
                items.add("… and " + dropped.get(field) + " more errors like these.");
            }
        });
        return body;
    }
}
