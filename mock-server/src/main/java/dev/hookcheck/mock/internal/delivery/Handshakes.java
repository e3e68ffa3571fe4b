package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.profile.Handshake;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EndpointVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends the provider's endpoint verification handshake to an endpoint, as the real sender does when a
 * URL is registered, and judges the answer with the provider's own rule. The mock delivers to an
 * endpoint whatever the outcome (a receiver under development still gets its events); the outcome is
 * what the provider would have decided.
 */
public final class Handshakes {
    /** How long the provider waits for the handshake's answer: the shortest documented (Zoom's 3 s) is too tight for a laptop. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpSender http = new HttpSender();
    private final Clock clock;

    public Handshakes(Clock clock) {
        this.clock = clock;
    }

    /** The handshake with the endpoint and its outcome; empty when its provider has none. */
    public Optional<EndpointVerification> verify(Endpoint endpoint, RandomGenerator random) {
        Profile profile = Profiles.get(endpoint.profile());
        Optional<Handshake> found = profile.traits().handshake();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Handshake handshake = found.get();
        Instant now = clock.instant();
        Handshake.Request request = handshake.request(endpoint.secret(), now.getEpochSecond(), random);
        HttpSender.Response response = http.send(request.method(), request.url(endpoint.url()), request.headers(),
                request.body(), TIMEOUT);
        if (response.status() == null) {
            return Optional.of(new EndpointVerification(handshake.name(), false, now,
                    "no answer (" + response.error() + ")", null));
        }
        Optional<String> problem = handshake.problem(request,
                new Handshake.Answer(response.status(), response.headers(), response.body()), endpoint.secret());
        return Optional.of(new EndpointVerification(handshake.name(), problem.isEmpty(), now, problem.orElse(null),
                response.status()));
    }
}
