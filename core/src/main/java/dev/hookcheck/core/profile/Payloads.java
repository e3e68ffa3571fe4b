package dev.hookcheck.core.profile;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** The delivered body of every built-in profile. All bodies are compact JSON, as Dfns requires. */
final class Payloads {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String JSON_TYPE = "application/json";
    /** JavaScript's {@code Date.toISOString()}, which Dfns uses: always milliseconds. */
    private static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Payloads() {}

    /** Standard Webhooks' recommended {@code {"type","timestamp","data"}}; {@code webhook-id} is the event id. */
    static Payload standard(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", iso(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        return payload(body, Map.of("Content-Type", JSON_TYPE), event.id(), attempt, event.id());
    }

    /** Vitable's thin event: no resource snapshot, {@code event_id} (not {@code id}). */
    static Payload vitable(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event_id", event.id());
        body.put("event_name", event.type());
        body.put("resource_type", event.resourceType());
        body.put("resource_id", event.resourceId());
        body.put("created_at", iso(event.createdAt()));
        body.put("organization_id", event.organizationId());
        return payload(body, Map.of("Content-Type", JSON_TYPE), null, attempt, event.id());
    }

    /**
     * Dfns: every attempt is an event of its own ({@code id} = the attempt's {@code whe-} id) carrying
     * {@code deliveryAttempt}, {@code timestampSent} (inside the signed body) and {@code retryOf}
     * (the previous attempt) from the second attempt on. Receivers deduplicate on the first id.
     */
    static Payload dfns(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", attempt.attemptId());
        body.put("kind", event.type());
        body.put("date", JS_ISO.format(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        body.put("timestampSent", attempt.sentAt().getEpochSecond());
        body.put("deliveryAttempt", attempt.number());
        if (attempt.previousAttemptId() != null) {
            body.put("retryOf", attempt.previousAttemptId());
        }
        return payload(body, Map.of("Content-Type", JSON_TYPE), null, attempt, attempt.firstAttemptId());
    }

    /** Preo. <b>Assumed</b> (unpublished): {@code {"id","event","created","data"}}. */
    static Payload preo(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", event.id());
        body.put("event", event.type());
        body.put("created", iso(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        return payload(body, Map.of("Content-Type", JSON_TYPE), null, attempt, event.id());
    }

    /** Stripe's event object; {@code data.object} is the event's data. */
    static Payload stripe(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", event.id());
        body.put("object", "event");
        body.put("api_version", "2024-06-20");
        body.put("created", event.createdAt().getEpochSecond());
        body.putObject("data").putRawValue("object", new RawValue(event.dataJson()));
        body.put("livemode", false);
        body.put("pending_webhooks", 1);
        ObjectNode request = body.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        body.put("type", event.type());
        return payload(body, Map.of("Content-Type", "application/json; charset=utf-8"), null, attempt, event.id());
    }

    /**
     * GitHub: the body is the event's payload itself; the event name, delivery GUID (the dedupe key)
     * and hook id travel in headers.
     */
    static Payload github(Event event, Attempt attempt) {
        return new Payload(event.dataJson().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Content-Type", JSON_TYPE,
                        "User-Agent", "GitHub-Hookshot/hookcheck",
                        "X-GitHub-Event", event.type(),
                        "X-GitHub-Delivery", attempt.deliveryId(),
                        "X-GitHub-Hook-ID", attempt.endpointId()),
                null, attempt.sentAt().getEpochSecond(), attempt.deliveryId());
    }

    private static Payload payload(ObjectNode body, Map<String, String> headers, String signingId, Attempt attempt,
            String idempotencyKey) {
        return new Payload(JSON.writeValueAsBytes(body), headers, signingId, attempt.sentAt().getEpochSecond(),
                idempotencyKey);
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
