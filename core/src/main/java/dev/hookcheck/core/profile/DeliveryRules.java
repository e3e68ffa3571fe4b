package dev.hookcheck.core.profile;

/**
 * How a provider behaves around each attempt, beyond its retry schedule. Every provider treats a
 * 3xx as a failure and never follows redirects.
 *
 * @param attemptsAreEvents every attempt is a new event with its own id pointing back to the previous
 *     one through {@code retryOf} (Dfns)
 * @param goneDisablesEndpoint a 410 answer disables the endpoint (Standard Webhooks)
 * @param honoursRetryAfter a 429, 502 or 504 with {@code Retry-After} postpones the next attempt by at
 *     least that long, within {@link #MAX_RETRY_AFTER_SECONDS} (Standard Webhooks)
 */
public record DeliveryRules(boolean attemptsAreEvents, boolean goneDisablesEndpoint, boolean honoursRetryAfter) {
    /** The longest {@code Retry-After} honoured: one day. */
    public static final long MAX_RETRY_AFTER_SECONDS = 86_400;

    public static final DeliveryRules PLAIN = new DeliveryRules(false, false, false);
    public static final DeliveryRules STANDARD_WEBHOOKS = new DeliveryRules(false, true, true);
    public static final DeliveryRules DFNS = new DeliveryRules(true, false, false);
}
