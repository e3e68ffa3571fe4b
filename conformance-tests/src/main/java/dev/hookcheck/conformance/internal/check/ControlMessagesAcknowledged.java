package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.profile.Handshake;
import java.util.List;
import java.util.Optional;

/**
 * HSK-003: a provider also sends messages about the subscription itself, with no event in them
 * (Twitch's {@code revocation}); a receiver written for events only crashes on them.
 */
final class ControlMessagesAcknowledged extends Check {
    ControlMessagesAcknowledged() {
        super("HSK-003", Category.HANDSHAKE, "acknowledges the provider's messages about the subscription",
                "each message the provider sends about the subscription rather than an event (Twitch revocation),"
                        + " correctly signed",
                "2xx",
                "recognise the provider's message types before the event handling (Twitch-Eventsub-Message-Type:"
                        + " revocation carries a subscription and no event) and answer them 2xx after verifying them.",
                "A handler that expects an event in every message answers a revocation with a 5xx, and the provider's"
                        + " notice that the subscription ended is lost.");
    }

    private static List<Handshake> messages(Receiver receiver) {
        return receiver.profile().traits().controlMessages();
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return messages(receiver).isEmpty()
                ? Level.notApplicable(receiver.profile().displayName() + " sends no messages about the subscription")
                : Level.required();
    }

    @Override
    public void run(Session session) {
        for (Handshake message : messages(session.receiver())) {
            Handshake.Request request = message.request(session.receiver().secrets().get(0), session.now(),
                    session.random());
            Exchange exchange = session.send(request);
            if (!exchange.answered()) {
                throw session.fail(exchange, "an answer to " + message.name(), exchange.describe());
            }
            Optional<String> problem = message.problem(request, HandshakeAnswered.answer(exchange),
                    session.receiver().secrets().get(0));
            if (problem.isPresent()) {
                throw session.fail(exchange, "2xx for " + message.name(), problem.get());
            }
        }
    }
}
