package dev.hookcheck.mock.api.preo;

import dev.hookcheck.mock.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DRF validation error: every wrong field with its messages, collected while a request is checked
 * and thrown once as a single 400 {@code {"<field>":["message", …]}}, so a client sees all its
 * mistakes at once. {@link dev.hookcheck.mock.http.ApiException} names one field only, hence this
 * type; {@link PreoApi} renders both.
 */
final class FieldErrors extends RuntimeException {
    private final Map<String, List<String>> messages = new LinkedHashMap<>();

    FieldErrors() {
        super("validation failed", null, false, false);
    }

    void add(String field, String message) {
        messages.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw this;
        }
    }

    ObjectNode toJson() {
        ObjectNode body = Json.object();
        messages.forEach((field, list) -> list.forEach(body.putArray(field)::add));
        return body;
    }
}
