package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;

/**
 * RPL-004: the providers send seconds; a receiver that guesses the unit widens its window. Not applicable
 * where the provider's timestamp is itself in milliseconds: there the stale and future checks, signed in
 * milliseconds, judge the unit.
 */
final class MillisecondTimestampRejected extends Check {
    MillisecondTimestampRejected() {
        super("RPL-004", Category.REPLAY, "rejects a timestamp in milliseconds",
                "a correctly signed delivery whose timestamp is the current time in milliseconds",
                "4xx (read as seconds, it lies thousands of years ahead)",
                "read the timestamp as unix seconds, as the provider documents; do not guess the unit from its size.",
                "Guessing the unit accepts timestamps the provider never sends and widens the replay window by"
                        + " orders of magnitude.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        Level level = needsTimestamp(receiver);
        if (level.isApplicable() && wire(receiver).orElseThrow().timestampInMilliseconds()) {
            return Level.notApplicable(receiver.profile().displayName() + "'s timestamp is in milliseconds, as it"
                    + " documents");
        }
        return futureRefused(receiver, level);
    }

    @Override
    public void run(Session session) {
        long millis = session.now() * 1000;
        session.expectRejected(session.send(session.signedAt(millis)),
                "for the timestamp " + millis + " (milliseconds, not seconds)");
    }
}
