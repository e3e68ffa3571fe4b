package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Store records in Preo's field names (schemas/json/preo/endpoint and delivery). */
final class PreoJson {
    private static final Profile PREO = Profiles.get(PreoApi.PROFILE);

    private final Store store;

    PreoJson(Store store) {
        this.store = store;
    }

    ObjectNode endpoint(Endpoint e) {
        ObjectNode json = Json.object();
        json.put("id", e.id());
        json.put("organization_id", e.organizationId());
        json.put("name", e.name() == null ? "" : e.name());
        json.put("url", e.url());
        json.put("edition_id", e.editionId());
        ArrayNode events = json.putArray("events");
        (e.events().contains(Endpoint.ALL_EVENTS) ? PREO.events().names() : e.events()).forEach(events::add);
        json.put("created", iso(e.createdAt()));
        json.put("modified", iso(modified(e)));
        json.put("is_active", e.enabled());
        json.put("timeout_seconds", e.timeoutSeconds() != null ? e.timeoutSeconds() : (int) PREO.timeout().toSeconds());
        return json;
    }

    /** {@link #endpoint} with its signing secret: only in the answers to create and rotate-secret, never in a list or a read. */
    ObjectNode endpointWithSecret(Endpoint e) {
        return endpoint(e).put("secret", e.secret().reveal());
    }

    ObjectNode delivery(Delivery d, Event event) {
        ObjectNode json = Json.object();
        json.put("id", d.id());
        json.put("event", event.type());
        json.put("created", iso(d.createdAt()));
        json.put("endpoint_id", d.endpointId());
        json.put("payload", payload(d, event));
        json.put("status", status(d.status()));
        json.put("attempts", d.attempts());
        json.put("response_status_code", d.responseStatus());
        json.put("last_attempt_at", iso(d.lastAttemptAt()));
        json.put("next_retry_at", d.status().isFinal() ? null : iso(d.nextAttemptAt()));
        json.put("signature", d.signature());
        return json;
    }

    /** What was (or will be) POSTed: the last attempt's body, or the body the first attempt will send. */
    private String payload(Delivery d, Event event) {
        List<AttemptRecord> attempts = store.attemptsOfDelivery(d.id());
        if (!attempts.isEmpty() && attempts.get(attempts.size() - 1).requestBody() != null) {
            return attempts.get(attempts.size() - 1).requestBody();
        }
        return PREO.payloads().build(event, Attempt.first(d.id(), d.endpointId(), event.id(), d.createdAt())).bodyText();
    }

    static String status(DeliveryStatus status) {
        return switch (status) {
            case PENDING, IN_PROGRESS -> "pending";
            case RETRYING -> "retrying";
            case DELIVERED -> "success";
            case FAILED -> "failed";
            case EXHAUSTED -> "exhausted";
        };
    }

    static Instant modified(Endpoint e) {
        return e.updatedAt() != null ? e.updatedAt() : e.createdAt();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
