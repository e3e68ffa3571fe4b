package dev.hookcheck.mock.internal.store;

/** Where a delivery stands. Each dialect has its own words for these (see the API packages). */
public enum DeliveryStatus {
    /** Created, not attempted yet. */
    PENDING,
    /** An attempt is in flight. */
    IN_PROGRESS,
    /** An attempt failed and another is scheduled. */
    RETRYING,
    /** The receiver answered with a status the profile counts as success. */
    DELIVERED,
    /** Stopped before the schedule ran out (endpoint disabled or deleted, circuit breaker, 410). */
    FAILED,
    /** Every attempt of the schedule failed. */
    EXHAUSTED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXHAUSTED;
    }
}
