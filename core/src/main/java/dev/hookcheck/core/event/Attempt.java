package dev.hookcheck.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery attempt of an event to one endpoint, as the payload builder needs it.
 *
 * @param deliveryId the delivery this attempt belongs to
 * @param endpointId the endpoint, webhook or subscription it goes to
 * @param number 1 for the first attempt
 * @param attemptId the attempt's own event id where the provider gives every attempt one (Dfns
 *     {@code whe-…}), else the event id
 * @param previousAttemptId the attempt this one retries (Dfns {@code retryOf}), null on the first
 * @param firstAttemptId the first attempt's id: Dfns's idempotency key
 * @param sentAt when this attempt is sent: its signed timestamp
 */
public record Attempt(String deliveryId, String endpointId, int number, String attemptId, String previousAttemptId, String firstAttemptId,
        Instant sentAt) {

    public Attempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(firstAttemptId, "firstAttemptId");
        Objects.requireNonNull(sentAt, "sentAt");
        if (number < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1, got " + number);
        }
    }

    /** The first attempt of a delivery whose attempts all carry the event's own id. */
    public static Attempt first(String deliveryId, String endpointId, String eventId, Instant sentAt) {
        return new Attempt(deliveryId, endpointId, 1, eventId, null, eventId, sentAt);
    }

    /** The attempt after this one. */
    public Attempt next(String nextAttemptId, Instant nextSentAt) {
        return new Attempt(deliveryId, endpointId, number + 1, nextAttemptId, attemptId, firstAttemptId, nextSentAt);
    }
}
