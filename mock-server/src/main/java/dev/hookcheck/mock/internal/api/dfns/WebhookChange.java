package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated webhook body: every field of a create, or the subset a PUT sends. Null fields were not
 * sent. Parsing checks everything before anything is written.
 *
 * @param enabled {@code status}: Enabled is true
 * @param description the new description when {@code descriptionSent}; null clears it
 */
record WebhookChange(String url, List<String> events, Boolean enabled, boolean descriptionSent, String description) {
    static final String ENABLED = "Enabled";
    static final String DISABLED = "Disabled";

    private static final List<String> FIELDS = List.of("url", "events", "status", "description");
    private static final Set<String> KINDS = Set.copyOf(Profiles.get(Access.PROFILE).events().names());

    /** A POST body: {@code url} and {@code events} are required. */
    static WebhookChange forCreate(ObjectNode body) {
        WebhookChange change = parse(body);
        if (change.url == null) {
            throw ApiException.invalid("url", "url is required");
        }
        if (change.events == null) {
            throw ApiException.invalid("events", "events is required: a list of event kinds, or [\"*\"] for all");
        }
        return change;
    }

    /** A PUT body: any subset of the fields, even none. */
    static WebhookChange forUpdate(ObjectNode body) {
        return parse(body);
    }

    boolean isEmpty() {
        return url == null && events == null && enabled == null && !descriptionSent;
    }

    Endpoint applyTo(Endpoint webhook, Instant now) {
        Endpoint next = webhook;
        if (url != null) {
            next = next.withUrl(url, now);
        }
        if (events != null) {
            next = next.withEvents(events, now);
        }
        if (enabled != null) {
            next = next.withEnabled(enabled, null, now);
        }
        if (descriptionSent) {
            next = next.withDescription(description, now);
        }
        return next;
    }

    private static WebhookChange parse(ObjectNode body) {
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.invalid(name, Quote.prefix(name) + " is not a webhook field; send " + String.join(", ", FIELDS));
            }
        }
        JsonNode description = body.get("description");
        if (description != null && !description.isNull() && !description.isString()) {
            throw ApiException.invalid("description", "description must be a string");
        }
        return new WebhookChange(url(body.get("url")), events(body.get("events")), enabled(body.get("status")),
                description != null, description == null || description.isNull() ? null : description.stringValue());
    }

    private static String url(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.invalid("url", "url must be a string");
        }
        String url = node.stringValue();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, like any other URL that is not absolute http(s)
        }
        throw ApiException.invalid("url", "url must be an absolute http or https URL, got " + Quote.of(url) + "");
    }

    private static List<String> events(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.invalid("events", "events must be an array of event kinds, or [\"*\"] for all");
        }
        if (node.isEmpty()) {
            throw ApiException.invalid("events", "events must not be empty; send [\"*\"] for all kinds");
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonNode item : node.values()) {
            if (!item.isString()) {
                throw ApiException.invalid("events", "events must contain only strings, got " + Quote.json(item));
            }
            String kind = item.stringValue();
            if (!kind.equals(Endpoint.ALL_EVENTS) && !KINDS.contains(kind)) {
                throw ApiException.invalid("events", "events contains an unknown kind " + Quote.of(kind)
                        + "; use the Dfns event kinds (such as wallet.created) or [\"*\"]");
            }
            kinds.add(kind);
        }
        if (kinds.contains(Endpoint.ALL_EVENTS) && kinds.size() > 1) {
            throw ApiException.invalid("events", "events is either [\"*\"] alone or a list of kinds, not both");
        }
        return new ArrayList<>(kinds);
    }

    private static Boolean enabled(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString() && node.stringValue().equals(ENABLED)) {
            return Boolean.TRUE;
        }
        if (node.isString() && node.stringValue().equals(DISABLED)) {
            return Boolean.FALSE;
        }
        throw ApiException.invalid("status", "status must be Enabled or Disabled, got " + Quote.json(node));
    }
}
