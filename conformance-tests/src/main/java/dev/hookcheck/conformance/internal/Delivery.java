package dev.hookcheck.conformance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One request a check sends: body, headers in sending order, and what it takes to sign it again.
 *
 * @param body the exact bytes
 * @param headers every header, in the order and letter case they are sent
 * @param key the idempotency key a receiver deduplicates on (what the probe is asked about)
 * @param signingId the id the scheme signs, where it signs one
 * @param timestamp the signed timestamp as sent, where it travels outside the body
 * @param url where it is sent: the receiver's URL, with what the scheme adds to it (Twilio's
 *     {@code bodySHA256}); null for the receiver's URL as it is
 */
public record Delivery(byte[] body, Map<String, String> headers, String key, String signingId, String timestamp,
        String url) {

    public Delivery {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The header's value, its name matched ignoring letter case; null when absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Sets a header, replacing one of the same name in any letter case (keeping its place). */
    public Delivery withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        boolean replaced = false;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (!replaced) {
                    copy.put(name, value);
                    replaced = true;
                }
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        if (!replaced) {
            copy.put(name, value);
        }
        return new Delivery(body, copy, key, signingId, timestamp, url);
    }

    public Delivery withoutHeader(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        return new Delivery(body, copy, key, signingId, timestamp, url);
    }

    /** Every header name rewritten, for example to lower case. */
    public Delivery withHeaderNames(UnaryOperator<String> rename) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.put(rename.apply(name), value));
        return new Delivery(body, copy, key, signingId, timestamp, url);
    }

    /** Same headers over other bytes, without signing again: a body changed in transit. */
    public Delivery withRawBody(byte[] newBody) {
        return new Delivery(newBody, headers, key, signingId, timestamp, url);
    }
}
