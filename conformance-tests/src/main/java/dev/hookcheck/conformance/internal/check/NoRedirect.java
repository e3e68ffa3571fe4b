package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;

/** CON-002: providers never follow redirects; a 3xx is a failed delivery. */
final class NoRedirect extends Check {
    NoRedirect() {
        super("CON-002", Category.DELIVERY_CONTRACT, "answers a delivery without a redirect",
                "a correctly signed delivery of a new event, redirects not followed",
                "anything but 3xx",
                "register the final URL with the provider (https, trailing slash, host as served) and answer it"
                        + " directly; do not redirect after processing (post/redirect/get is for browsers).",
                "Providers do not follow redirects: a 3xx is a failed delivery, retried although you processed it.");
    }

    @Override
    public void run(Session session) {
        Exchange exchange = session.send(session.delivery());
        if (exchange.answered() && exchange.status() >= 300 && exchange.status() < 400) {
            throw session.fail(exchange, "an answer that is not a redirect (the provider does not follow it)",
                    exchange.describe());
        }
    }
}
