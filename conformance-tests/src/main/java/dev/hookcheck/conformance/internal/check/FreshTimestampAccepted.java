package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;

/** RPL-002: retries and clock skew make deliveries arrive late; inside the window they are genuine. */
final class FreshTimestampAccepted extends Check {
    FreshTimestampAccepted() {
        super("RPL-002", Category.REPLAY, "accepts a timestamp just inside the tolerance",
                "a correctly signed delivery whose timestamp is 30 s younger than the tolerance limit",
                "2xx",
                "use the provider's tolerance (usually 300 s) and compare in seconds; a tighter window refuses"
                        + " genuine late deliveries.",
                "Deliveries arrive late (queues, retries, clock drift); a window tighter than the provider's"
                        + " drops genuine ones.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return signsTimestamp(receiver);
    }

    @Override
    public void run(Session session) {
        long age = session.window() - session.margin();
        session.expectAccepted(session.send(session.signedAt(session.now() - age)),
                "for a timestamp " + age + " s old");
    }
}
