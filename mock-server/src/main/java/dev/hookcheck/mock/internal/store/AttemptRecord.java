package dev.hookcheck.mock.internal.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP attempt of a delivery, as sent and as answered. For Dfns every attempt is also a webhook
 * event of its own ({@code id} = its {@code whe-} id, {@code retryOf} = the attempt before).
 *
 * @param id the attempt's id (Dfns: the {@code whe-} event id)
 * @param retryOf the previous attempt's id, null on the first
 * @param responseStatus the receiver's status, null when no answer came
 * @param error what went wrong on the wire ({@code refused}, {@code reset}, {@code timeout},
 *     {@code tls}), null when an answer came
 * @param succeeded whether the profile counts the answer as delivered
 * @param nextAttemptAt when the next attempt is due after this one failed, null otherwise
 * @param injected the failure-injection label when the attempt was altered on purpose, null otherwise
 */
public record AttemptRecord(
        String id,
        String deliveryId,
        String endpointId,
        String eventId,
        String organizationId,
        String profile,
        int number,
        Instant sentAt,
        String retryOf,
        Map<String, String> requestHeaders,
        String requestBody,
        Integer responseStatus,
        Map<String, String> responseHeaders,
        String responseBody,
        long latencyMillis,
        String error,
        boolean succeeded,
        Instant nextAttemptAt,
        String injected) {

    public AttemptRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sentAt, "sentAt");
        requestHeaders = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestHeaders)); // as sent
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    }
}
