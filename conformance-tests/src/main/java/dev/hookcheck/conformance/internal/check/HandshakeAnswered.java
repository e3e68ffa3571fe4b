package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.profile.Handshake;
import java.util.Optional;

/** HSK-001: the provider's endpoint verification handshake gets the answer that proves the endpoint. */
final class HandshakeAnswered extends Check {
    HandshakeAnswered() {
        super("HSK-001", Category.HANDSHAKE, "answers the provider's endpoint verification handshake",
                "the provider's verification request (Slack url_verification, Zoom endpoint.url_validation, Twitch"
                        + " webhook_callback_verification, Dropbox GET ?challenge=), signed where the provider signs it",
                "the answer the provider requires: the challenge echoed, or the token it asks for, in its format",
                "before the event handling, recognise the handshake and answer it as the provider documents (the"
                        + " challenge as plain text, or the JSON the provider asks for) with 200, after verifying its"
                        + " signature where it carries one.",
                "The provider refuses to deliver to an endpoint that fails its handshake (or revokes the"
                        + " subscription), so no event ever arrives.");
    }

    static Optional<Handshake> handshake(Receiver receiver) {
        return receiver.profile().traits().handshake();
    }

    static Level applies(Receiver receiver) {
        return handshake(receiver).isPresent() ? Level.required()
                : Level.notApplicable(receiver.profile().displayName() + " performs no endpoint verification handshake");
    }

    static Handshake.Answer answer(Exchange exchange) {
        return new Handshake.Answer(exchange.status(), exchange.response().headers(), exchange.responseBody());
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return applies(receiver);
    }

    @Override
    public void run(Session session) {
        Handshake handshake = handshake(session.receiver()).orElseThrow();
        Handshake.Request request = handshake.request(session.receiver().secrets().get(0), session.now(),
                session.random());
        Exchange exchange = session.send(request);
        if (!exchange.answered()) {
            throw session.fail(exchange, "an answer to " + handshake.name(), exchange.describe());
        }
        Optional<String> problem = handshake.problem(request, answer(exchange), session.receiver().secrets().get(0));
        if (problem.isPresent()) {
            throw session.fail(exchange, "the answer " + handshake.name() + " requires", problem.get());
        }
    }
}
