package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;

/** RPL-003: a timestamp from the future stretches the replay window by as much as it lies. */
final class FutureTimestampRejected extends Check {
    FutureTimestampRejected() {
        super("RPL-003", Category.REPLAY, "rejects a timestamp too far in the future",
                "a correctly signed delivery whose timestamp is 30 s further ahead than the tolerance allows",
                "4xx",
                "compare the absolute distance |now - timestamp| with the tolerance, not only how old the timestamp"
                        + " is.",
                "A future timestamp keeps a captured delivery valid long after the window should have closed.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return futureRefused(receiver, signsTimestamp(receiver));
    }

    @Override
    public void run(Session session) {
        long ahead = session.window() + session.margin();
        session.expectRejected(session.send(session.signedAt(session.now() + ahead)),
                "for a timestamp " + ahead + " s in the future");
    }
}
