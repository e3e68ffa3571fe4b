package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.SignatureValue;
import dev.hookcheck.conformance.internal.SignatureValue.Entry;
import dev.hookcheck.core.signing.SchemeSpec.Style;
import java.util.List;

/**
 * SIG-011: a downgrade. An attacker who can make a weaker signature puts it beside an invalid one
 * of the real version; a receiver that verifies whatever label it finds lets it through.
 */
final class DowngradeRejected extends Check {
    DowngradeRejected() {
        super("SIG-011", Category.SIGNATURE, "rejects a valid signature under an unknown version beside an invalid one",
                "a delivery whose header holds an invalid signature of the real version and a valid one labelled"
                        + " with an unknown version",
                "4xx",
                "verify only the signatures labelled with your version and ignore the others; never fall back to"
                        + " another label.",
                "If a signature under an unknown label counts, an attacker downgrades to whatever is weakest.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return wire(receiver).map(w -> w.style() == Style.PREFIXED
                ? Level.notApplicable("the header carries a single signature, so nothing can stand beside it"
                        + " (SIG-010 covers an unknown prefix)")
                : Level.required()).orElse(unknownWire());
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.delivery();
        SignatureValue value = session.signature(delivery);
        Entry valid = value.first();
        Entry forged = session.forgedEntry(delivery);
        String unknown = UnknownVersionRejected.unknownLabel(session.wire());
        Delivery downgraded = session.withSignature(delivery,
                value.withEntries(List.of(forged, new Entry(unknown, valid.signature()))));
        session.expectRejected(session.send(downgraded), "for an invalid " + valid.label()
                + " signature beside a valid one labelled " + unknown);
    }
}
