package dev.hookcheck.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A webhook ready to POST: body and every header, signature included.
 *
 * @param body the exact bytes
 * @param headers profile headers and signature headers, in the provider's letter case
 * @param idempotencyKey what a receiver should deduplicate on
 */
public record SignedWebhook(byte[] body, Map<String, String> headers, String idempotencyKey) {
    public SignedWebhook {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
