package dev.hookcheck.core.profile;

import java.util.Set;

/**
 * How a provider behaves around each attempt, beyond its retry schedule. Every provider treats a
 * 3xx as a failure and never follows redirects.
 *
 * @param attemptsAreEvents every attempt is a new event with its own id pointing back to the previous
 *     one through {@code retryOf} (Dfns)
 * @param goneDisablesEndpoint a 410 answer disables the endpoint (Standard Webhooks)
 * @param honoursRetryAfter a 429, 502 or 504 with {@code Retry-After} postpones the next attempt by at
 *     least that long, within {@link #MAX_RETRY_AFTER_SECONDS} (Standard Webhooks)
 * @param refusals the statuses with which a receiver refuses a delivery for good: the provider ends it at
 *     once, without another attempt, and keeps sending the endpoint other deliveries (a 406 Not Acceptable
 *     where the provider documents it so)
 */
public record DeliveryRules(boolean attemptsAreEvents, boolean goneDisablesEndpoint, boolean honoursRetryAfter,
        Set<Integer> refusals) {
    /** The longest {@code Retry-After} honoured: one day. */
    public static final long MAX_RETRY_AFTER_SECONDS = 86_400;

    public static final DeliveryRules PLAIN = new DeliveryRules(false, false, false);
    public static final DeliveryRules STANDARD_WEBHOOKS = new DeliveryRules(false, true, true);
    public static final DeliveryRules DFNS = new DeliveryRules(true, false, false);

    public DeliveryRules {
        refusals = Set.copyOf(refusals);
        for (int status : refusals) {
            if (status < 300 || status > 599) {
                throw new IllegalArgumentException("a refusal is a 3xx, 4xx or 5xx status, got " + status);
            }
        }
    }

    /** Rules where no status ends a delivery before its schedule does. */
    public DeliveryRules(boolean attemptsAreEvents, boolean goneDisablesEndpoint, boolean honoursRetryAfter) {
        this(attemptsAreEvents, goneDisablesEndpoint, honoursRetryAfter, Set.of());
    }

    /** The same rules, where {@code status} also refuses a delivery for good. */
    public DeliveryRules withRefusal(int status) {
        Set<Integer> more = new java.util.TreeSet<>(refusals);
        more.add(status);
        return new DeliveryRules(attemptsAreEvents, goneDisablesEndpoint, honoursRetryAfter, more);
    }

    /** Whether this answer refuses the delivery for good. */
    public boolean refuses(Integer status) {
        return status != null && refusals.contains(status);
    }
}
