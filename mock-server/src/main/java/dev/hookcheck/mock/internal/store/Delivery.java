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
 * @param signature the last attempt's signature as sent (its header's value, or the body's field where the
 *     scheme signs in the body; Preo shows it), null before any attempt
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

    /** This delivery in another status; {@code nextAt}: its next attempt, null when none is due. */
    public Delivery withStatus(DeliveryStatus value, String reason, Instant deliveredAt, Instant failedAt, Instant nextAt) {
        return new Delivery(id, profile, organizationId, eventId, endpointId, value, attempts, createdAt, startedAt,
                deliveredAt, failedAt, reason, lastAttemptAt, nextAt, responseStatus, signature);
    }

    /** Delivered at {@code at}, or failed then in {@code value} ({@code FAILED}, {@code EXHAUSTED}) for {@code reason}. */
    public Delivery finished(DeliveryStatus value, String reason, Instant at) {
        boolean delivered = value == DeliveryStatus.DELIVERED;
        return withStatus(value, reason, delivered ? at : null, delivered ? null : at, null);
    }

    /** Its next attempt moved to {@code at}. */
    public Delivery withNextAttemptAt(Instant at) {
        return new Delivery(id, profile, organizationId, eventId, endpointId, status, attempts, createdAt, startedAt,
                deliveredAt, failedAt, failureReason, lastAttemptAt, at, responseStatus, signature);
    }

    /** An attempt of it under way at {@code now}. */
    public Delivery inProgress(Instant now) {
        return new Delivery(id, profile, organizationId, eventId, endpointId, DeliveryStatus.IN_PROGRESS, attempts,
                createdAt, startedAt == null ? now : startedAt, null, null, "", lastAttemptAt, null, responseStatus,
                signature);
    }

    /** Attempt {@code number}, sent at {@code sentAt}, counted: its answer and signature are the delivery's last. */
    public Delivery counting(int number, Instant sentAt, Integer status, String signatureSent) {
        return new Delivery(id, profile, organizationId, eventId, endpointId, this.status, number, createdAt, startedAt,
                deliveredAt, failedAt, failureReason, sentAt, nextAttemptAt, status, signatureSent);
    }
}
