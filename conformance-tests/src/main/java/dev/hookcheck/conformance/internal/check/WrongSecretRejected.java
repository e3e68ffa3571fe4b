package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Session;

/** SIG-005: a well-formed signature is worthless unless it was made with the receiver's secret. */
final class WrongSecretRejected extends Check {
    WrongSecretRejected() {
        super("SIG-005", Category.SIGNATURE, "rejects a signature made with another secret",
                "a delivery signed correctly in every respect, but with a secret the receiver does not know",
                "4xx",
                "recompute the signature with your secret and compare it with the one received; checking that a"
                        + " signature is present or well-formed is not verifying it.",
                "A signature proves the sender knows your secret only if you check it with that secret;"
                        + " otherwise anyone can sign.");
    }

    @Override
    public void run(Session session) {
        session.expectRejected(session.send(session.signedWith(session.delivery(), session.wrongSecrets())),
                "for a signature made with another secret");
    }
}
