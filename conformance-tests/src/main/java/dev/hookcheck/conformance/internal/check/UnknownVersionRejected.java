package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.SignatureValue;
import dev.hookcheck.conformance.internal.SignatureValue.Entry;
import dev.hookcheck.conformance.internal.Wire;
import dev.hookcheck.core.signing.SchemeSpec.Style;
import java.util.List;

/** SIG-010: a signature only counts under the version (algorithm) the receiver verifies. */
final class UnknownVersionRejected extends Check {
    UnknownVersionRejected() {
        super("SIG-010", Category.SIGNATURE, "rejects a valid signature under an unknown version",
                "a valid delivery whose signature is relabelled with a version or algorithm prefix the scheme does"
                        + " not have (sha1=, v0)",
                "4xx",
                "accept only signatures labelled with the version you verify (v1, sha256=…); skip every other label"
                        + " instead of stripping it.",
                "A version label you do not verify is one anybody can put on anything; accepting it switches"
                        + " verification off.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return wire(receiver).map(w -> w.label().isEmpty()
                ? Level.notApplicable("the signature carries no version label")
                : Level.required()).orElse(unknownWire());
    }

    /** A label the scheme does not know, in the scheme's own style. */
    static String unknownLabel(Wire wire) {
        if (wire.style() == Style.PREFIXED) {
            return wire.label().equals("sha1=") ? "md5=" : "sha1=";
        }
        return wire.label().equals("v0") ? "v9" : "v0";
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.delivery();
        SignatureValue value = session.signature(delivery);
        String label = unknownLabel(session.wire());
        Delivery relabelled = session.withSignature(delivery,
                value.withEntries(List.of(new Entry(label, value.first().signature()))));
        session.expectRejected(session.send(relabelled), "for a valid signature labelled " + label);
    }
}
