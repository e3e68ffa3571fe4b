package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Event;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IDM-006: where the idempotency key travels outside the body (a header), two distinct events can
 * have byte-identical bodies. Deduplicating on a hash of the body drops the second.
 */
final class IdenticalBodiesProcessedSeparately extends Check {
    IdenticalBodiesProcessedSeparately() {
        super("IDM-006", Category.IDEMPOTENCY, "processes two distinct events whose bodies are byte-identical",
                "two events with different ids (the idempotency key) and byte-identical bodies, one after the other",
                "2xx for both, and each event processed once",
                "deduplicate on the idempotency key the provider sends, never on a hash of the body: distinct events"
                        + " can carry the same bytes.",
                "Two identical updates in one second are two events; a receiver that deduplicates on the body"
                        + " silently loses the second.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return receiver.profile().idempotencyKeyInBody()
                ? Level.notApplicable(receiver.profile().displayName() + " puts the event id in the body, so distinct"
                        + " events never have identical bodies")
                : Level.required();
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Event first = session.event();
        Event second = session.twin(first);
        long now = session.now();
        Delivery one = session.deliver(first, session.attempt(first, now));
        Delivery other = session.deliver(second, session.attempt(second, now));
        if (!Arrays.equals(one.body(), other.body())) {
            throw new IllegalStateException("the profile's bodies differ for twin events although its key is not in"
                    + " the body");
        }
        session.expectAccepted(session.send(one), "for the first event");
        Exchange exchange = session.send(other);
        session.expectAccepted(exchange, "for a second event whose body is byte-identical to the first");
        Map<String, Integer> once = new LinkedHashMap<>();
        once.put(one.key(), 1);
        once.put(other.key(), 1);
        session.expectProcessed(once, exchange, "although their bodies are byte-identical");
    }
}
