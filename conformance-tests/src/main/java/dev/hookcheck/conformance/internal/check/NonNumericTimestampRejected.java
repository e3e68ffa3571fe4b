package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;
import java.time.Instant;

/** RPL-005: a timestamp that is not a number is a bad request, not a server error. */
final class NonNumericTimestampRejected extends Check {
    NonNumericTimestampRejected() {
        super("RPL-005", Category.REPLAY, "rejects a non-numeric timestamp with 4xx, never 5xx",
                "a delivery whose timestamp is an ISO date instead of unix seconds, correctly signed as sent",
                "4xx",
                "parse the timestamp defensively (digits only) and answer 400 when it is not a number.",
                "A 5xx is a failure the provider retries; bad input must be refused with a 4xx, not crash the"
                        + " handler.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return needsTimestamp(receiver);
    }

    @Override
    public void run(Session session) {
        String iso = Instant.ofEpochSecond(session.now()).toString();
        session.expectRejected(session.send(session.withTimestampText(session.delivery(), iso)),
                "for the timestamp \"" + iso + "\"");
    }
}
