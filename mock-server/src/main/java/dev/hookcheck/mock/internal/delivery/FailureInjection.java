package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Duration;
import java.util.List;

/**
 * Decides what failure injection does: to each attempt ({@link #plan}), to each new delivery before
 * its first attempt ({@link #hold}), to each new event ({@link #burst}). Answers must depend only on
 * their arguments and the rules, never on timing, so a run can be repeated.
 */
@FunctionalInterface
public interface FailureInjection {
    FailureInjection NONE = (delivery, event, endpoint, attempt) -> AttemptPlan.NONE;

    AttemptPlan plan(Delivery delivery, Event event, Endpoint endpoint, int attemptNumber);

    /** The reorder window a new delivery waits in before its first attempt, or null to send it at once. */
    default Hold hold(Delivery delivery, Event event, Endpoint endpoint) {
        return null;
    }

    /**
     * How many events a new event becomes, itself included (1: just itself).
     *
     * @param receivers the endpoints it is about to be delivered to
     */
    default int burst(Event event, List<Endpoint> receivers) {
        return 1;
    }

    /**
     * A reorder window: deliveries to one endpoint gather until {@code size} are held or
     * {@code maxHold} has passed since the first, then go out in an order shuffled with {@code seed}.
     *
     * @param ruleId the rule that holds them (one window per rule and endpoint)
     */
    record Hold(String ruleId, int size, Duration maxHold, long seed) {}
}
