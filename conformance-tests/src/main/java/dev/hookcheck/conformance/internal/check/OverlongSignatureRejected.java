package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.SignatureValue;
import dev.hookcheck.conformance.internal.SignatureValue.Entry;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** SIG-009: the right signature followed by more bytes is not the right signature. */
final class OverlongSignatureRejected extends Check {
    OverlongSignatureRejected() {
        super("SIG-009", Category.SIGNATURE, "rejects an overlong signature with 4xx, never 5xx",
                "a valid delivery whose signature bytes are followed by 16 zero bytes (still validly encoded)",
                "4xx",
                "compare the whole signature, lengths included; a loop over the expected length accepts anything"
                        + " that merely starts right.",
                "Accepting a signature that merely starts right, or crashing on a long one, makes forgery easier"
                        + " and bad input a retry loop.");
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
        boolean hex = session.wire().encoding() == Encoding.HEX;
        byte[] bytes = hex ? HexFormat.of().parseHex(valid.signature()) : Base64.getDecoder().decode(valid.signature());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 16);
        String overlong = hex ? HexFormat.of().formatHex(longer) : Base64.getEncoder().encodeToString(longer);
        Delivery sent = session.withSignature(delivery, value.withEntries(List.of(new Entry(valid.label(), overlong))));
        session.expectRejected(session.send(sent), "for a signature of " + longer.length + " bytes instead of "
                + bytes.length);
    }
}
