package dev.hookcheck.mock.delivery;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.store.Delivery;
import dev.hookcheck.mock.store.Endpoint;

/** Decides what failure injection does to each attempt. */
@FunctionalInterface
public interface FailureInjection {
    FailureInjection NONE = (delivery, event, endpoint, attempt) -> AttemptPlan.NONE;

    AttemptPlan plan(Delivery delivery, Event event, Endpoint endpoint, int attemptNumber);
}
