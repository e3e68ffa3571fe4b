package dev.hookcheck.core.profile;

import java.util.Objects;

/**
 * Where a receiver finds what it needs in a delivery, as the provider's own samples read it.
 *
 * @param key the value to deduplicate on (where {@link DeliveryRules#attemptsAreEvents()}, the attempt's
 *     own id: the chain's first one is found through {@code retryOf}); {@link Field#none()} where the
 *     deliveries carry no event id (Dropbox's notifications only say that something changed)
 * @param type the event type; {@link Field#none()} where the deliveries name none
 * @param timestamp the signed timestamp as sent, where the scheme signs one
 */
public record Fields(Field key, Field type, Field timestamp) {
    public Fields {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** Whether a delivery carries an id of its event, to deduplicate on. */
    public boolean carriesKey() {
        return key != Field.none();
    }

    /** Whether a delivery names its event's type. */
    public boolean carriesType() {
        return type != Field.none();
    }
}
