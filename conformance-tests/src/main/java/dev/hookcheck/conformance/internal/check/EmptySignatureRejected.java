package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Session;

/** SIG-003: an empty header must not read as "no signature to check". */
final class EmptySignatureRejected extends Check {
    EmptySignatureRejected() {
        super("SIG-003", Category.SIGNATURE, "rejects an empty signature header",
                "a valid delivery whose signature header is present but empty",
                "4xx",
                "refuse a signature header you cannot parse; an empty or unparsable header is a failed verification,"
                        + " not an error to log and ignore.",
                "An empty header is the cheapest forgery there is; a receiver that reads it as nothing to check"
                        + " lets it through.");
    }

    @Override
    public void run(Session session) {
        session.expectRejected(session.send(session.withSignatureText(session.delivery(), "")),
                "for an empty " + session.signatureField());
    }
}
