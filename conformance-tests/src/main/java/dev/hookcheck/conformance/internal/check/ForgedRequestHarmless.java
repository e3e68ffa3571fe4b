package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;

/** IDM-003: refusing a forgery is not enough if the work was already done. */
final class ForgedRequestHarmless extends Check {
    ForgedRequestHarmless() {
        super("IDM-003", Category.IDEMPOTENCY, "causes no side effect for a forged delivery",
                "a well-formed delivery of a new event (valid JSON, right shape) signed with an unknown secret",
                "the event never processed",
                "verify first, then record, enqueue or process; nothing from an unverified request may reach your"
                        + " database or queue.",
                "Work done before verification is work anyone can trigger with any JSON.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Delivery forged = session.signedWith(session.delivery(), session.wrongSecrets());
        Exchange exchange = session.send(forged);
        session.expectProcessed(forged.key(), 0, exchange, "for a forged delivery");
    }
}
