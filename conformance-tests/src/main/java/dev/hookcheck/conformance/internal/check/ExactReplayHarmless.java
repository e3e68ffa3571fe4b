package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;

/** RPL-006: inside the window a signature cannot tell a replay from the original; the event id can. */
final class ExactReplayHarmless extends Check {
    ExactReplayHarmless() {
        super("RPL-006", Category.REPLAY, "does not repeat the side effect of an exact replay",
                "a valid delivery, then the very same request again",
                "2xx for the original, 2xx or 4xx for the replay, and the event processed once",
                "record the idempotency key of every processed event and skip one you have already processed.",
                "Inside the tolerance window a captured delivery can be replayed as it is; only idempotency"
                        + " keeps it from running twice.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.delivery();
        session.expectAccepted(session.send(delivery), "for the original delivery");
        Exchange replay = session.send(delivery);
        if (!replay.accepted() && !replay.clientError()) {
            throw session.fail(replay, "2xx or 4xx for an exact replay", replay.describe());
        }
        session.expectProcessed(delivery.key(), 1, replay, "after the same request arrived twice");
    }
}
