package dev.hookcheck.core.profile;

import dev.hookcheck.core.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An endpoint verification handshake: the request a provider sends to prove that a URL belongs to a
 * receiver that knows the secret (Slack's {@code url_verification}, Zoom's {@code endpoint.url_validation},
 * Twitch's {@code webhook_callback_verification}, Dropbox's {@code GET ?challenge=}), and the answer that
 * proves it. The mock sends it when such an endpoint is registered; the conformance checks send it, and
 * a forged one where the provider signs it.
 */
public interface Handshake {
    /** The provider's own name for it, for people: {@code url_verification}. */
    String name();

    /** The request, signed with {@code secret} where the provider signs it, at {@code now} (unix seconds). */
    Request request(Secret secret, long now, RandomGenerator random);

    /** Whether the provider signs the request, so that a receiver must refuse a forged one. */
    boolean signed();

    /**
     * Empty when {@code answer} proves the endpoint for the request {@code sent}; else what is wrong with
     * it, for people (it never quotes the secret).
     */
    Optional<String> problem(Request sent, Answer answer, Secret secret);

    /**
     * How a correct receiver answers {@code received}: empty when it is not this handshake (an ordinary
     * delivery), a refusal when it is one that {@code secret} did not sign. What the README shows and the
     * reference receivers do.
     */
    Optional<Answer> respond(Request received, Secret secret);

    /**
     * A request as sent.
     *
     * @param method {@code POST} or {@code GET}
     * @param query the encoded query to add to the endpoint's URL, empty for none
     */
    record Request(String method, String query, Map<String, String> headers, byte[] body) {
        public Request {
            Objects.requireNonNull(method, "method");
            query = query == null ? "" : query;
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Where the request goes for an endpoint at {@code endpointUrl}: that URL with the query added. */
        public String url(String endpointUrl) {
            return query.isEmpty() ? endpointUrl
                    : endpointUrl + (URI.create(endpointUrl).getRawQuery() == null ? "?" : "&") + query;
        }

        /** The header's value, whatever the letter case of its name; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** An answer as received: status, headers and body text. */
    record Answer(int status, Map<String, String> headers, String body) {
        public Answer {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        public static Answer of(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body);
        }

        /** The header's value, whatever the letter case of its name; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }
}
