package dev.hookcheck.core.internal.providers.dropbox;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.internal.providers.Query;
import dev.hookcheck.core.profile.Handshake;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Dropbox's endpoint verification: when a webhook URI is added, Dropbox sends {@code GET ?challenge=…}
 * (unsigned) and the endpoint must answer 200 within 10 s with the challenge as the body. Dropbox asks
 * for {@code Content-Type: text/plain} and {@code X-Content-Type-Options: nosniff} on that answer, so
 * that the echoed text cannot be read as HTML (a reflected XSS); its check is the echo itself.
 */
final class ChallengeEcho implements Handshake {
    static final String PARAMETER = "challenge";

    @Override
    public String name() {
        return "challenge";
    }

    @Override
    public Request request(Secret secret, long now, RandomGenerator random) {
        return new Request("GET", PARAMETER + "=" + Bodies.alnum(random, 40), Map.of(), new byte[0]);
    }

    @Override
    public boolean signed() {
        return false;
    }

    @Override
    public Optional<String> problem(Request sent, Answer answer, Secret secret) {
        if (answer.status() != 200) {
            return Optional.of("Dropbox needs 200 with the challenge as the body; got " + answer.status());
        }
        return answer.body().equals(challenge(sent.query())) ? Optional.empty()
                : Optional.of("the body is not the challenge exactly (raw text, no JSON, no quotes)");
    }

    @Override
    public Optional<Answer> respond(Request received, Secret secret) {
        String challenge = received.method().equals("GET") ? challenge(received.query()) : null;
        if (challenge == null) {
            return Optional.empty();
        }
        return Optional.of(new Answer(200, Map.of("Content-Type", "text/plain", "X-Content-Type-Options", "nosniff"),
                challenge));
    }

    /** The decoded value of the query's {@code challenge} parameter; null when there is none. */
    static String challenge(String query) {
        String value = Query.parameter(query, PARAMETER);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
