package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;

/**
 * IDM-001: providers deliver at least once. A retry is signed anew; the receiver must recognise it
 * by its idempotency key, skip the work, and still say 2xx, or the provider keeps retrying.
 */
final class RetryProcessedOnce extends Check {
    RetryProcessedOnce() {
        super("IDM-001", Category.IDEMPOTENCY, "processes a retried event once and acknowledges the retry",
                "a delivery of a new event, then the same event again a second later, with a new timestamp and signature",
                "2xx for both, and the event processed once",
                "deduplicate on the profile's idempotency key (not on the signature or timestamp), and answer 2xx to a"
                        + " duplicate you have already processed: a 4xx makes the provider retry or disable the endpoint.",
                "Providers deliver at least once: a retry processed twice charges, mails or ships twice; a 4xx"
                        + " makes the provider retry or give up on you.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Event event = session.event();
        Attempt first = session.attempt(event, session.now() - 1);
        Delivery original = session.deliver(event, first);
        session.expectAccepted(session.send(original), "for the first delivery");
        Exchange retry = session.send(session.deliver(event, session.resent(first, session.now())));
        if (!retry.accepted()) {
            throw session.fail(retry, "2xx for a retry of an event already processed", retry.describe());
        }
        session.expectProcessed(original.key(), 1, retry, "after a retry");
    }
}
