package dev.hookcheck.mock.internal.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one endpoint.
 *
 * @param attempts how many attempts were made
 * @param failureReason why it stopped failing ({@code max_attempts}, {@code endpoint_disabled}…),
 *     empty while it has not failed
 * @param responseStatus the last attempt's receiver status, null before any answer
 * @param signature the last attempt's signature header value (Preo shows it), null before any attempt
 */
public record Delivery(
        String id,
        String profile,
        String organizationId,
        String eventId,
        String endpointId,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant deliveredAt,
        Instant failedAt,
        String failureReason,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Integer responseStatus,
        String signature) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(failureReason, "failureReason");
    }

    /** A delivery that has not been attempted yet. */
    public static Delivery pending(String id, String profile, String organizationId, String eventId, String endpointId,
            Instant now) {
        return new Delivery(id, profile, organizationId, eventId, endpointId, DeliveryStatus.PENDING, 0, now, null, null,
                null, "", null, now, null, null);
    }
}
