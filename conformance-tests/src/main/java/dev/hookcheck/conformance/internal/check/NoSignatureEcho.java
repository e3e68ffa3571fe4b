package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import java.util.Locale;

/** SIG-017: an error that shows the expected signature signs any forgery for the attacker. */
final class NoSignatureEcho extends Check {
    NoSignatureEcho() {
        super("SIG-017", Category.SIGNATURE, "never reveals the expected signature in an error response",
                "a delivery signed with an unknown secret",
                "an answer whose headers and body do not contain the signature the receiver's secret gives",
                "say only that the signature did not match; never put the expected signature (or the secret) in an"
                        + " error body, header or anything else the sender can read.",
                "An error that shows the expected signature hands an attacker a valid signature for any body"
                        + " they choose.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return wire(receiver).isPresent() ? Level.required() : unknownWire();
    }

    @Override
    public void run(Session session) {
        Delivery genuine = session.delivery();
        String expected = session.signature(genuine).first().signature().toLowerCase(Locale.ROOT);
        Exchange exchange = session.send(session.signedWith(genuine, session.wrongSecrets()));
        if (!exchange.answered()) {
            return;
        }
        String seen = (exchange.response().headers() + "\n" + exchange.responseBody()).toLowerCase(Locale.ROOT);
        if (seen.contains(expected)) {
            throw session.fail(exchange, "an error answer without the expected signature",
                    exchange.status() + " with the expected signature in the " + (exchange.responseBody()
                            .toLowerCase(Locale.ROOT).contains(expected) ? "body" : "headers"));
        }
    }
}
