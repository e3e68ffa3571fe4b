package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.EventCatalog;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.store.Endpoint;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writable fields of a webhook from a request body, checked the way a DRF serializer checks
 * them: every field, all problems reported together, DRF's messages. Null components were absent
 * from the body (or wrong); {@code editionIdGiven} tells an absent {@code edition_id} from a null one.
 * Unknown and read-only fields ({@code id}, {@code secret}, {@code created}…) are ignored, as DRF does.
 */
record WebhookInput(String name, String url, List<String> events, boolean editionIdGiven, String editionId,
        Boolean active, Integer timeoutSeconds) {

    static final int NAME_MAX = 200;
    static final int TIMEOUT_MIN = 1; // assumed
    static final int TIMEOUT_MAX = 30; // assumed

    private static final EventCatalog EVENTS = Profiles.get(PreoApi.PROFILE).events();

    /** POST and PUT need {@code name}, {@code url} and {@code events}; PATCH needs nothing. */
    enum Mode {
        FULL, PARTIAL
    }

    /** The body's fields, or a {@link FieldErrors} naming each wrong one. */
    static WebhookInput read(Context ctx, Mode mode, String organizationId) {
        // DRF reads an empty body as {}: a POST without one is told which fields are required
        ObjectNode body = isBlank(Json.body(ctx)) ? Json.object() : Json.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        boolean required = mode == Mode.FULL;
        checkOrganization(body, organizationId, errors);
        String name = text(body, "name", required, errors);
        if (name != null && name.length() > NAME_MAX) {
            errors.add("name", "Ensure this field has no more than " + NAME_MAX + " characters.");
        }
        String url = text(body, "url", required, errors);
        if (url != null && !isHttpUrl(url)) {
            errors.add("url", "Enter a valid URL.");
        }
        List<String> events = events(body, required, errors);
        boolean editionIdGiven = body.has("edition_id");
        String editionId = editionIdGiven && !body.get("edition_id").isNull() ? text(body, "edition_id", false, errors) : null;
        Boolean active = bool(body, "is_active", errors);
        Integer timeout = timeout(body, errors);
        errors.throwIfAny();
        return new WebhookInput(name, url, events, editionIdGiven, editionId, active, timeout);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A new endpoint from a POST: {@code is_active} defaults to true, {@code timeout_seconds} to the profile's. */
    Endpoint create(String id, String organizationId, Secret secret, Instant now) {
        return new Endpoint(id, PreoApi.PROFILE, organizationId, url, name, null, events, active == null || active,
                editionId, timeoutSeconds, List.of(secret), now, now, null);
    }

    /** {@code current} with the given fields changed; {@code modified} moves even when nothing else does. */
    Endpoint applyTo(Endpoint current, Instant now) {
        return new Endpoint(current.id(), current.profile(), current.organizationId(),
                url != null ? url : current.url(),
                name != null ? name : current.name(),
                current.description(),
                events != null ? events : current.events(),
                active != null ? active : current.enabled(),
                editionIdGiven ? editionId : current.editionId(),
                timeoutSeconds != null ? timeoutSeconds : current.timeoutSeconds(),
                current.secrets(), current.createdAt(), now,
                active != null ? null : current.disabledReason()); // a client's choice clears the server's reason
    }

    /** {@code organization_id} may only name the caller's own organization; others do not exist for it. */
    private static void checkOrganization(ObjectNode body, String organizationId, FieldErrors errors) {
        JsonNode node = present(body, "organization_id", false, errors);
        if (node == null) {
            return;
        }
        if (!node.isString()) {
            errors.add("organization_id", "Incorrect type. Expected pk value, received " + pythonType(node) + ".");
        } else if (!node.stringValue().equals(organizationId)) {
            errors.add("organization_id", "Invalid pk \"" + Quote.prefix(node.stringValue()) + "\" - object does not exist.");
        }
    }

    /** The field's node; null (with an error when that is wrong) if it is absent or JSON null. */
    private static JsonNode present(ObjectNode body, String field, boolean required, FieldErrors errors) {
        JsonNode node = body.get(field);
        if (node == null) {
            if (required) {
                errors.add(field, "This field is required.");
            }
            return null;
        }
        if (node.isNull()) {
            errors.add(field, "This field may not be null.");
            return null;
        }
        return node;
    }

    private static String text(ObjectNode body, String field, boolean required, FieldErrors errors) {
        JsonNode node = present(body, field, required, errors);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            errors.add(field, "Not a valid string.");
            return null;
        }
        String value = node.stringValue().strip(); // DRF trims CharField input
        if (value.isEmpty()) {
            errors.add(field, "This field may not be blank.");
            return null;
        }
        return value;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** DRF's MultipleChoiceField: a non-empty list of known event names; duplicates collapse. */
    private static List<String> events(ObjectNode body, boolean required, FieldErrors errors) {
        JsonNode node = present(body, "events", required, errors);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            errors.add("events", "Expected a list of items but got type \"" + pythonType(node) + "\".");
            return null;
        }
        if (node.isEmpty()) {
            errors.add("events", "This selection may not be empty.");
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        boolean valid = true;
        for (JsonNode item : node) {
            if (item.isString() && EVENTS.contains(item.stringValue())) {
                names.add(item.stringValue());
            } else {
                errors.add("events", "\"" + (item.isString() ? Quote.prefix(item.stringValue()) : Quote.json(item))
                        + "\" is not a valid choice.");
                valid = false;
            }
        }
        return valid ? List.copyOf(names) : null;
    }

    private static Boolean bool(ObjectNode body, String field, FieldErrors errors) {
        JsonNode node = present(body, field, false, errors);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(field, "Must be a valid boolean.");
            return null;
        }
        return node.booleanValue();
    }

    private static Integer timeout(ObjectNode body, FieldErrors errors) {
        JsonNode node = present(body, "timeout_seconds", false, errors);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            errors.add("timeout_seconds", "A valid integer is required.");
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(TIMEOUT_MIN)) < 0) {
            errors.add("timeout_seconds", "Ensure this value is greater than or equal to " + TIMEOUT_MIN + ".");
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(TIMEOUT_MAX)) > 0) {
            errors.add("timeout_seconds", "Ensure this value is less than or equal to " + TIMEOUT_MAX + ".");
            return null;
        }
        return value.intValue();
    }

    /** The type name DRF's messages use, since Preo's clients see Python's words. */
    private static String pythonType(JsonNode node) {
        if (node.isString()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return node.isArray() ? "list" : "dict";
    }
}
