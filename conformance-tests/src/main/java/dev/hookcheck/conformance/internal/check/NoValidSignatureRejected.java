package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import java.util.List;

/** SIG-013: several signatures are several chances, not a pass. */
final class NoValidSignatureRejected extends Check {
    NoValidSignatureRejected() {
        super("SIG-013", Category.SIGNATURE, "rejects several signatures when none is valid",
                "a delivery carrying two well-formed signatures, both made with unknown secrets",
                "4xx",
                "accept a header with several signatures only when one of them matches your secret; a rotation"
                        + " in progress is no reason to skip verification.",
                "Several signatures do not make a request more trustworthy: when none is valid it is a forgery.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return new RotationAccepted().level(receiver);
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.delivery();
        Delivery forged = session.withSignature(delivery, session.signature(delivery)
                .withEntries(List.of(session.forgedEntry(delivery), session.forgedEntry(delivery))));
        session.expectRejected(session.send(forged), "for two signatures of which none is valid");
    }
}
