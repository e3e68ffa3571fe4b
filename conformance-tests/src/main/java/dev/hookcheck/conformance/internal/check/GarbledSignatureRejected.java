package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Session;

/** SIG-004: a header in no known syntax is a failed verification. */
final class GarbledSignatureRejected extends Check {
    static final String GARBLED = "this is not a signature";

    GarbledSignatureRejected() {
        super("SIG-004", Category.SIGNATURE, "rejects a garbled signature header",
                "a valid delivery whose signature header reads \"" + GARBLED + "\"",
                "4xx",
                "refuse a signature header you cannot parse; a parse error is a failed verification, not an error to"
                        + " log and ignore.",
                "A header the receiver cannot parse must not be skipped: sending exactly that is how"
                        + " verification is bypassed.");
    }

    @Override
    public void run(Session session) {
        session.expectRejected(session.send(session.withSignatureText(session.delivery(), GARBLED)),
                "for a garbled " + session.signatureField());
    }
}
