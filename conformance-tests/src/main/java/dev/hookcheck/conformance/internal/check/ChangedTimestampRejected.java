package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.Wire;
import dev.hookcheck.core.signing.SchemeSpec.Source.From;

/**
 * SIG-007: an attacker who captured a delivery refreshes its timestamp to get it past the replay
 * window. The signature covers the timestamp, so the refreshed copy must fail verification.
 */
final class ChangedTimestampRejected extends Check {
    ChangedTimestampRejected() {
        super("SIG-007", Category.SIGNATURE, "rejects a captured delivery whose timestamp was changed",
                "a valid delivery, then the same body and signature with the timestamp moved 1 s later",
                "2xx for the original, 4xx for the altered copy",
                "verify the signature over the timestamp exactly as received, on every request; never trust a"
                        + " signature because you have seen it before.",
                "A captured delivery with a refreshed timestamp would slip through the replay window unless the"
                        + " timestamp is verified too.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        Level level = needsTimestamp(receiver);
        if (level.isApplicable() && wire(receiver).orElseThrow().timestampInBody()) {
            return Level.notApplicable(receiver.profile().displayName() + " puts the timestamp inside the signed"
                    + " body, so changing it changes the body (SIG-006)");
        }
        return level;
    }

    @Override
    public void run(Session session) {
        Delivery original = session.delivery();
        session.expectAccepted(session.send(original), "for the original delivery");
        Wire wire = session.wire();
        String moved = Long.toString(Long.parseLong(original.timestamp()) + 1);
        Delivery altered = wire.timestamp().from() == From.SIGNATURE
                ? session.withSignature(original, session.signature(original).withTimestamp(moved))
                : original.withHeader(wire.timestamp().name(), moved);
        session.expectRejected(session.send(altered), "for the captured signature with its timestamp moved 1 s");
    }
}
