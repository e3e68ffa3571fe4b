package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.UserActionChallenge;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Store records in Dfns's field names. */
final class DfnsJson {
    /** JavaScript's {@code Date.toISOString()}: always milliseconds, always {@code Z}. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DfnsJson() {}

    static String date(Instant instant) {
        return ISO.format(instant);
    }

    static ObjectNode webhook(Endpoint webhook) {
        ObjectNode json = Json.object().put("id", webhook.id()).put("url", webhook.url());
        ArrayNode events = json.putArray("events");
        webhook.events().forEach(events::add);
        json.put("status", webhook.enabled() ? WebhookChange.ENABLED : WebhookChange.DISABLED);
        if (webhook.description() != null) {
            json.put("description", webhook.description());
        }
        return json.put("dateCreated", date(webhook.createdAt())).put("dateUpdated", date(webhook.updatedAt()));
    }

    /** One attempt as the webhook event Dfns lists: every attempt is an event of its own. */
    static ObjectNode webhookEvent(AttemptRecord attempt, Event event) {
        ObjectNode json = Json.object()
                .put("id", attempt.id())
                .put("kind", event.type())
                .put("date", date(event.createdAt()))
                .put("deliveryFailed", !attempt.succeeded())
                .put("deliveryAttempt", attempt.number())
                .put("timestampSent", attempt.sentAt().getEpochSecond())
                .put("status", attempt.responseStatus() != null ? attempt.responseStatus().toString() : errorCode(attempt.error()));
        if (!attempt.succeeded()) {
            json.put("error", attempt.responseStatus() != null ? "HTTP " + attempt.responseStatus() : describe(attempt.error()));
        }
        if (attempt.retryOf() != null) {
            json.put("retryOf", attempt.retryOf());
        }
        if (attempt.nextAttemptAt() != null) {
            json.put("nextAttemptDate", date(attempt.nextAttemptAt()));
        }
        json.set("data", Json.MAPPER.readTree(event.dataJson()));
        return json;
    }

    /** {@code {"status":"<receiver status or error code>","error"?}}: the error only when it was not delivered. */
    static ObjectNode pingResult(Integer status, String error, boolean delivered) {
        ObjectNode json = Json.object().put("status", status != null ? status.toString() : errorCode(error));
        if (!delivered) {
            json.put("error", status != null ? "HTTP " + status : describe(error));
        }
        return json;
    }

    /**
     * What {@code POST /auth/action/init} answers: the challenge and the key credentials that may sign
     * it. The mock verifies key credentials only, so WebAuthn lists none and needs no user verification.
     */
    static ObjectNode userActionChallenge(UserActionChallenge challenge) {
        ObjectNode json = Json.object().put("challenge", challenge.challenge())
                .put("challengeIdentifier", challenge.id());
        json.putArray("supportedCredentialKinds").addObject()
                .put("kind", "Key").put("factor", "first").put("requiresSecondFactor", false);
        json.put("userVerification", "discouraged").put("attestation", "none");
        ObjectNode allow = json.putObject("allowCredentials");
        ArrayNode keys = allow.putArray("key");
        challenge.credentialIds().forEach(id -> keys.addObject().put("type", "public-key").put("id", id));
        allow.putArray("webauthn");
        return json.put("externalAuthenticationUrl", "");
    }

    private static String errorCode(String error) {
        return error != null ? error : "unknown";
    }

    /** A wire error code in a few words. */
    private static String describe(String error) {
        return switch (errorCode(error)) {
            case "refused" -> "connection refused";
            case "reset" -> "connection reset before an answer";
            case "timeout" -> "no answer before the timeout";
            case "tls" -> "TLS handshake failed";
            default -> "request failed (" + errorCode(error) + ")";
        };
    }
}
