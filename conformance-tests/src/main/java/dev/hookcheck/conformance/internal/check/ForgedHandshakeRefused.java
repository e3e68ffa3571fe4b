package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.profile.Handshake;

/** HSK-002: a verification handshake signed with another secret is refused. */
final class ForgedHandshakeRefused extends Check {
    ForgedHandshakeRefused() {
        super("HSK-002", Category.HANDSHAKE, "refuses a forged verification handshake",
                "the provider's verification request signed with a secret the receiver does not know",
                "4xx",
                "verify the handshake's signature like any delivery's before answering it.",
                "An endpoint that answers any handshake can be subscribed by anyone who knows its URL, and proves"
                        + " nothing about who sent the events that follow.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        Level level = HandshakeAnswered.applies(receiver);
        if (!level.isApplicable()) {
            return level;
        }
        if (!HandshakeAnswered.handshake(receiver).orElseThrow().signed()) {
            return Level.notApplicable(receiver.profile().displayName() + " does not sign its handshake");
        }
        // the providers' own samples verify first, but a receiver that answers a forgery leaks nothing secret
        return Level.recommended("answering a forged handshake proves nothing to an attacker, but lets anyone"
                + " subscribe the endpoint");
    }

    @Override
    public void run(Session session) {
        Handshake handshake = HandshakeAnswered.handshake(session.receiver()).orElseThrow();
        Handshake.Request forged = handshake.request(session.wrongSecrets().get(0), session.now(), session.random());
        Exchange exchange = session.send(forged);
        session.expectRejected(exchange, "for a " + handshake.name() + " signed with another secret");
    }
}
