package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import java.util.Arrays;

/** ROB-002: verify first, then parse, and answer a parse error as a bad request. */
final class MalformedJsonNo5xx extends Check {
    MalformedJsonNo5xx() {
        super("ROB-002", Category.ROBUSTNESS, "answers malformed JSON with a valid signature without a 5xx",
                "a delivery whose body is cut in the middle (not valid JSON) and correctly signed as sent",
                "4xx or 2xx, never 5xx",
                "verify the signature over the raw bytes before parsing, and turn a parse error into a 400.",
                "A 5xx invites retries of a request that can never succeed, and shows that the body is parsed"
                        + " before it is verified.");
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.delivery();
        byte[] cut = Arrays.copyOf(delivery.body(), delivery.body().length / 2);
        // a signature that travels inside the body cannot be written into one that is not JSON: the signed
        // body is cut instead, after its signature (written first), which a receiver must parse to find
        boolean inBody = session.profile().scheme().signatureInBody().isPresent();
        Exchange exchange = session.send(inBody ? delivery.withRawBody(cut) : session.withBody(delivery, cut));
        if (!exchange.accepted() && !exchange.clientError()) {
            throw session.fail(exchange, "4xx or 2xx for a correctly signed body that is not valid JSON",
                    exchange.describe());
        }
    }
}
