package dev.hookcheck.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A webhook ready to POST: body and every header, signature included.
 *
 * @param body the exact bytes
 * @param headers profile headers and signature headers, in the provider's letter case
 * @param idempotencyKey what a receiver should deduplicate on
 * @param url where to POST it when it was signed for a URL (the receiver's URL, with what the scheme
 *     adds to it), else null
 */
public record SignedWebhook(byte[] body, Map<String, String> headers, String idempotencyKey, String url) {
    public SignedWebhook {
        headers = Map.copyOf(headers);
    }

    /** A webhook signed without a URL. */
    public SignedWebhook(byte[] body, Map<String, String> headers, String idempotencyKey) {
        this(body, headers, idempotencyKey, null);
    }

    /** Where to POST it: {@link #url()} where it was signed for one, else the given endpoint URL. */
    public String target(String endpointUrl) {
        return url != null ? url : endpointUrl;
    }

    /** Other bytes and headers, the same key and URL. */
    public SignedWebhook with(byte[] newBody, Map<String, String> newHeaders) {
        return new SignedWebhook(newBody, newHeaders, idempotencyKey, url);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
