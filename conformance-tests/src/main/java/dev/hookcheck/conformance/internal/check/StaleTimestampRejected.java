package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;

/** RPL-001: outside the window a captured delivery must not work again. */
final class StaleTimestampRejected extends Check {
    StaleTimestampRejected() {
        super("RPL-001", Category.REPLAY, "rejects a timestamp just beyond the tolerance",
                "a correctly signed delivery whose timestamp is 30 s older than the tolerance allows",
                "4xx",
                "compare the signed timestamp with your clock before accepting, and refuse it when it is older than"
                        + " the provider's tolerance.",
                "Without a replay window a delivery captured once can be sent again forever.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return signsTimestamp(receiver);
    }

    @Override
    public void run(Session session) {
        long age = session.window() + session.margin();
        session.expectRejected(session.send(session.signedAt(session.now() - age)),
                "for a timestamp " + age + " s old");
    }
}
