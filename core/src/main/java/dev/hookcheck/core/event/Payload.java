package dev.hookcheck.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What one attempt sends before it is signed.
 *
 * @param body the exact bytes to POST
 * @param headers the profile's own headers besides the signature ones (content type, GitHub's
 *     {@code X-GitHub-Event}…)
 * @param signingId the id the signature scheme signs, where it signs one
 * @param timestamp the unix seconds the signature scheme signs, where it signs one
 * @param idempotencyKey the value a receiver should deduplicate on
 */
public record Payload(byte[] body, Map<String, String> headers, String signingId, long timestamp,
        String idempotencyKey) {

    public Payload {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
