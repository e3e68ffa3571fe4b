package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Session;

/** SIG-001: the baseline every other check builds on. */
final class ValidSignatureAccepted extends Check {
    ValidSignatureAccepted() {
        super("SIG-001", Category.SIGNATURE, "accepts a correctly signed delivery",
                "a new event signed with the receiver's secret exactly as the provider signs it",
                "2xx",
                "verify the signature over the raw request body with the secret the provider gave you, and answer"
                        + " 2xx once it matches.",
                "Refused genuine deliveries are retried and, in the end, your endpoint is disabled: real events"
                        + " are lost.");
    }

    @Override
    public void run(Session session) {
        session.expectAccepted(session.send(session.delivery()), "for a correctly signed delivery");
    }
}
