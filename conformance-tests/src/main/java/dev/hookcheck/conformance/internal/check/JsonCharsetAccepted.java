package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;

/** CON-003: {@code application/json; charset=utf-8} is JSON; media type parameters are legal. */
final class JsonCharsetAccepted extends Check {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    JsonCharsetAccepted() {
        super("CON-003", Category.DELIVERY_CONTRACT, "accepts application/json; charset=utf-8",
                "a correctly signed delivery with Content-Type: " + CONTENT_TYPE,
                "2xx",
                "match the media type, not the whole header: parse Content-Type and ignore its parameters (or do not"
                        + " check it at all once the signature is verified).",
                "Providers send application/json with and without a charset; refusing one spelling refuses"
                        + " genuine deliveries.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return receiver.profile().traits().sendsCharset() ? Level.required()
                : Level.recommended(receiver.profile().displayName() + " sends application/json without a charset"
                        + " today; a charset parameter is valid JSON and may appear (proxies, SDK updates)");
    }

    @Override
    public void run(Session session) {
        session.expectAccepted(session.send(session.delivery().withHeader("Content-Type", CONTENT_TYPE)),
                "for Content-Type: " + CONTENT_TYPE);
    }
}
