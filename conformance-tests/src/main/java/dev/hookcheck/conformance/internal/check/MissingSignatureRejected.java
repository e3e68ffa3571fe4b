package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;

/** SIG-002: an unsigned request is not an "unsigned test delivery", it is a forgery. */
final class MissingSignatureRejected extends Check {
    MissingSignatureRejected() {
        super("SIG-002", Category.SIGNATURE, "rejects a delivery without a signature header",
                "a valid delivery with the signature header removed (every other header kept)",
                "4xx",
                "treat a missing signature header as a failed verification, never as an unsigned delivery to let"
                        + " through.",
                "Anyone who finds your webhook URL can POST to it; without a signature check they can fake any"
                        + " event.");
    }

    @Override
    public void run(Session session) {
        Delivery unsigned = session.withoutSignature(session.delivery());
        session.expectRejected(session.send(unsigned), "for a delivery without " + session.signaturePlace());
    }
}
