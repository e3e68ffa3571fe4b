package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;

/**
 * IDM-008: a receiver that records an event id before the signature is verified lets a forgery
 * claim the id, and then drops the genuine delivery as a duplicate.
 */
final class ForgeryDoesNotClaimTheId extends Check {
    ForgeryDoesNotClaimTheId() {
        super("IDM-008", Category.IDEMPOTENCY, "processes the genuine delivery of an event after a forgery with its id",
                "a forged delivery (signed with an unknown secret) carrying a new event's id, then the genuine delivery"
                        + " of that event",
                "2xx for the genuine delivery, and the event processed once",
                "record an idempotency key only once the delivery's signature verified: claim the key after"
                        + " verification, in the same step that processes or enqueues the event.",
                "Anyone who sees or guesses an event id can send a forgery first; a receiver that marks the id as"
                        + " seen before verifying then drops the real event as a duplicate, and it is lost.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Delivery genuine = session.delivery();
        session.send(session.signedWith(genuine, session.wrongSecrets()));
        Exchange exchange = session.send(genuine);
        session.expectAccepted(exchange, "for the genuine delivery after a forgery with its id");
        session.expectProcessed(genuine.key(), 1, exchange, "after a forgery with its id came first");
    }
}
