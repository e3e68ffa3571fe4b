package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.SignatureValue;
import dev.hookcheck.conformance.internal.SignatureValue.Entry;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import java.util.List;

/** SIG-008: the first half of the right signature is not the right signature, and not a crash either. */
final class TruncatedSignatureRejected extends Check {
    TruncatedSignatureRejected() {
        super("SIG-008", Category.SIGNATURE, "rejects a truncated signature with 4xx, never 5xx",
                "a valid delivery whose signature is cut to its first half (still validly encoded)",
                "4xx",
                "compare the whole signature, lengths included, with a constant-time function that accepts inputs"
                        + " of any length (MessageDigest.isEqual, hmac.compare_digest, crypto.timingSafeEqual after a"
                        + " length check).",
                "Comparing only what was sent lets an attacker find a signature character by character; a crash"
                        + " is a 5xx the provider retries.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return wire(receiver).isPresent() ? Level.required() : unknownWire();
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.delivery();
        SignatureValue value = session.signature(delivery);
        Entry valid = value.first();
        int keep = valid.signature().length() / 2;
        if (session.wire().encoding() == Encoding.BASE64) {
            keep -= keep % 4; // whole base64 units: the cut signature still decodes
        }
        Delivery truncated = session.withSignature(delivery,
                value.withEntries(List.of(new Entry(valid.label(), valid.signature().substring(0, keep)))));
        session.expectRejected(session.send(truncated), "for a signature cut to " + keep + " of its "
                + valid.signature().length() + " characters");
    }
}
