package dev.hookcheck.core.profile;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;

/** Builds the body and the non-signature headers one attempt of an event sends, in the provider's shape. */
@FunctionalInterface
public interface PayloadBuilder {
    Payload build(Event event, Attempt attempt);
}
