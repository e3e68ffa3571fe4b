package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.SignatureValue;
import dev.hookcheck.conformance.internal.SignatureValue.Entry;
import java.util.ArrayList;
import java.util.List;

/** SIG-012: during a key rotation the provider signs with several secrets; any one may be yours. */
final class RotationAccepted extends Check {
    RotationAccepted() {
        super("SIG-012", Category.SIGNATURE, "accepts several signatures when one is valid, in any position",
                "two deliveries with three signatures each, two made with unknown secrets; the valid one comes last,"
                        + " then first",
                "2xx for both",
                "split the header into all its signatures and accept the request when any one of them matches.",
                "During a key rotation the provider signs with several secrets; refusing a valid one among them"
                        + " drops genuine deliveries.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return wire(receiver).map(w -> w.multipleSignatures() ? Level.required()
                : Level.notApplicable(receiver.profile().displayName() + " sends one signature per delivery"))
                .orElse(unknownWire());
    }

    @Override
    public void run(Session session) {
        for (int position : new int[] {2, 0}) {
            Delivery delivery = session.delivery();
            SignatureValue value = session.signature(delivery);
            List<Entry> entries = new ArrayList<>(List.of(session.forgedEntry(delivery), session.forgedEntry(delivery)));
            entries.add(position, value.first());
            session.expectAccepted(session.send(session.withSignature(delivery, value.withEntries(entries))),
                    "with the valid signature in position " + (position + 1) + " of 3");
        }
    }
}
