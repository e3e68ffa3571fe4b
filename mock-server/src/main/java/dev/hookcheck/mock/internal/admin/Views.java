package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Credential;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EndpointVerification;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's JSON for the store's records: one neutral shape for every profile, camelCase.
 * An endpoint's signing secret is shown only right after it was made: in the answers to create and
 * to rotate-secret ({@link #endpointWithSecret}), never in a list or a read. Described by
 * {@code schemas/json/admin/}.
 */
final class Views {
    private Views() {}

    static ObjectNode organization(Organization organization) {
        return Json.object()
                .put("id", organization.id())
                .put("profile", organization.profile())
                .put("name", organization.name());
    }

    /** A key as its create answer shows it, whole: the one time the admin API hands it out. */
    static ObjectNode apiKey(String key, String profile, String organizationId) {
        return Json.object().put("key", key).put("profile", profile).put("organizationId", organizationId);
    }

    /** A key as a list shows it: its last characters only, enough to tell keys apart, never enough to use one. */
    static ObjectNode listedApiKey(String key, String profile, String organizationId) {
        String hint = key.length() >= 12 ? "…" + key.substring(key.length() - 4) : "…";
        return Json.object().put("keyHint", hint).put("profile", profile).put("organizationId", organizationId);
    }

    /** A key credential as lists and reads show it: its public key only. */
    static ObjectNode credential(Credential credential) {
        return Json.object()
                .put("id", credential.id())
                .put("profile", credential.profile())
                .put("organizationId", credential.organizationId())
                .put("name", credential.name())
                .put("kind", "Key")
                .put("algorithm", credential.publicKey().algorithm())
                .put("publicKey", credential.publicKey().pem())
                .put("createdAt", credential.createdAt().toString());
    }

    /** The create answer: {@code privateKey} when the sandbox made the pair (else null: its owner has it). */
    static ObjectNode createdCredential(Credential credential) {
        return credential(credential).put("privateKey", credential.privateKey().map(Secret::reveal).orElse(null));
    }

    static ObjectNode event(Event event) {
        ObjectNode json = Json.object()
                .put("id", event.id())
                .put("profile", event.profile())
                .put("organizationId", event.organizationId())
                .put("type", event.type())
                .put("resourceType", event.resourceType())
                .put("resourceId", event.resourceId())
                .put("createdAt", event.createdAt().toString());
        json.set("data", Json.MAPPER.readTree(event.dataJson()));
        return json;
    }

    /**
     * {@link #delivery(Delivery)} with its attempts told apart: {@code scheduledAttempts} are counted
     * against the profile's {@code maxAttempts}; {@code manualAttempts} were asked for by hand (an
     * extra attempt, or a scheduled one made early).
     */
    static ObjectNode delivery(Delivery delivery, Store store) {
        int scheduled = 0;
        int manual = 0;
        if (delivery.attempts() > 0) {
            for (AttemptRecord attempt : store.attemptsOfDelivery(delivery.id())) {
                if (attempt.isCopy()) {
                    continue;
                }
                scheduled += attempt.scheduled() ? 1 : 0;
                manual += attempt.trigger().equals(AttemptRecord.MANUAL) ? 1 : 0;
            }
        }
        return delivery(delivery)
                .put("scheduledAttempts", scheduled)
                .put("manualAttempts", manual)
                .put("maxAttempts", Profiles.get(delivery.profile()).retryPolicy().maxAttempts());
    }

    private static ObjectNode delivery(Delivery delivery) {
        return Json.object()
                .put("id", delivery.id())
                .put("profile", delivery.profile())
                .put("organizationId", delivery.organizationId())
                .put("eventId", delivery.eventId())
                .put("endpointId", delivery.endpointId())
                .put("status", delivery.status().name().toLowerCase(Locale.ROOT))
                .put("attempts", delivery.attempts())
                .put("createdAt", delivery.createdAt().toString())
                .put("startedAt", instant(delivery.startedAt()))
                .put("deliveredAt", instant(delivery.deliveredAt()))
                .put("failedAt", instant(delivery.failedAt()))
                .put("failureReason", delivery.failureReason())
                .put("lastAttemptAt", instant(delivery.lastAttemptAt()))
                .put("nextAttemptAt", instant(delivery.nextAttemptAt()))
                .put("responseStatus", delivery.responseStatus())
                .put("signature", delivery.signature());
    }

    static ObjectNode endpoint(Endpoint endpoint) {
        ObjectNode json = Json.object()
                .put("id", endpoint.id())
                .put("profile", endpoint.profile())
                .put("organizationId", endpoint.organizationId())
                .put("url", endpoint.url());
        endpoint.events().forEach(json.putArray("events")::add);
        return json.put("enabled", endpoint.enabled())
                .put("disabledReason", endpoint.disabledReason())
                .put("name", endpoint.name())
                .put("description", endpoint.description())
                .put("createdAt", instant(endpoint.createdAt()))
                .put("updatedAt", instant(endpoint.updatedAt()));
    }

    /** {@link #endpoint} with the outcome of its provider's verification handshake (null when it has none). */
    static ObjectNode endpoint(Endpoint endpoint, Optional<EndpointVerification> verification) {
        ObjectNode json = endpoint(endpoint);
        if (verification.isEmpty()) {
            json.putNull("verification");
            return json;
        }
        EndpointVerification v = verification.get();
        json.putObject("verification").put("handshake", v.handshake()).put("verified", v.verified())
                .put("checkedAt", instant(v.checkedAt())).put("detail", v.detail()).put("status", v.status());
        return json;
    }

    /** {@link #endpoint} with its current signing secret: only for the answers that made the secret. */
    static ObjectNode endpointWithSecret(Endpoint endpoint) {
        return withSecret(endpoint(endpoint), endpoint);
    }

    /**
     * The endpoint's signing secret, and beside it the key its receiver verifies with where that is another
     * one (the public half of a key pair): what the receiver is configured with.
     */
    static ObjectNode withSecret(ObjectNode json, Endpoint endpoint) {
        json.put("secret", endpoint.secret().reveal());
        Secret verificationKey = Profiles.get(endpoint.profile()).scheme().verificationKey(endpoint.secret());
        if (!verificationKey.equals(endpoint.secret())) {
            json.put("verificationKey", verificationKey.reveal());
        }
        return json;
    }

    /** {@code {"now","scale","scheduled"}}; scale is null for a clock that is not virtual (it cannot be moved). */
    static ObjectNode clock(Clock clock, int scheduled) {
        ObjectNode json = Json.object().put("now", clock.instant().toString());
        if (clock instanceof VirtualClock virtual) {
            json.put("scale", virtual.scale());
        } else {
            json.putNull("scale");
        }
        return json.put("scheduled", scheduled);
    }

    /** One attempt as sent and as answered; {@code response} is null when no answer came ({@code error} says why). */
    static ObjectNode attempt(AttemptRecord attempt) {
        ObjectNode json = Json.object()
                .put("id", attempt.id())
                .put("deliveryId", attempt.deliveryId())
                .put("endpointId", attempt.endpointId())
                .put("eventId", attempt.eventId())
                .put("number", attempt.number())
                .put("sentAt", attempt.sentAt().toString())
                .put("retryOf", attempt.retryOf())
                .put("trigger", attempt.trigger())
                .put("scheduled", attempt.scheduled())
                .put("copyOf", attempt.copyOf())
                .put("copy", attempt.copy());
        ObjectNode request = json.putObject("request").put("method", "POST").put("url", attempt.url())
                .put("httpVersion", "HTTP/1.1");
        ObjectNode sent = request.putObject("headers");
        attempt.requestHeaders().forEach(sent::put); // as recorded, not re-sorted
        request.put("body", attempt.requestBody());
        if (attempt.responseStatus() == null) {
            json.putNull("response");
        } else {
            ObjectNode response = json.putObject("response").put("status", attempt.responseStatus());
            headers(response.putObject("headers"), attempt.responseHeaders());
            response.put("body", attempt.responseBody());
        }
        return json.put("latencyMillis", attempt.latencyMillis())
                .put("error", attempt.error())
                .put("succeeded", attempt.succeeded())
                .put("injected", attempt.injected())
                .put("nextAttemptAt", instant(attempt.nextAttemptAt()));
    }

    private static void headers(ObjectNode into, Map<String, String> headers) {
        new TreeMap<>(headers).forEach(into::put);
    }

    /**
     * A failure rule: absent scope fields mean any; only the mode's own parameters are shown;
     * {@code matched}: how often it acted.
     */
    static ObjectNode failureRule(FailureRule rule, long matched) {
        ObjectNode json = Json.object().put("id", rule.id()).put("mode", rule.mode().wireName());
        if (rule.profile() != null) {
            json.put("profile", rule.profile());
        }
        if (rule.endpointId() != null) {
            json.put("endpointId", rule.endpointId());
        }
        if (rule.eventType() != null) {
            json.put("eventType", rule.eventType());
        }
        json.put("probability", rule.probability()).put("seed", rule.seed());
        if (!rule.attempts().isEmpty()) {
            rule.attempts().forEach(json.putArray("attempts")::add);
        }
        json.put("enabled", rule.enabled());
        long seconds = rule.duration().toSeconds();
        switch (rule.mode()) {
            case DUPLICATE -> json.put("count", rule.count()).put("concurrent", rule.concurrent());
            case BURST -> json.put("count", rule.count());
            case REORDER -> json.put("window", rule.count()).put("maxHoldSeconds", seconds);
            case DELAY -> json.put("delaySeconds", seconds);
            case STALE_TIMESTAMP, FUTURE_TIMESTAMP -> json.put("shiftSeconds", seconds);
            default -> { }
        }
        return json.put("matched", matched);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
