package dev.hookcheck.core.profile;

import java.util.Objects;

/**
 * Where a receiver finds what it needs in a delivery, as the provider's own samples read it.
 *
 * @param key the value to deduplicate on (where {@link DeliveryRules#attemptsAreEvents()}, the attempt's
 *     own id: the chain's first one is found through {@code retryOf})
 * @param type the event type
 * @param timestamp the signed timestamp as sent, where the scheme signs one
 */
public record Fields(Field key, Field type, Field timestamp) {
    public Fields {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
