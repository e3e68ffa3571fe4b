package dev.hookcheck.mock.junit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request the mock provider sent to a receiver, as sent, and what came back. Immutable.
 *
 * @param deliveryId the delivery (one event to one endpoint) this request is an attempt of
 * @param eventId the event delivered
 * @param eventType its type, for example {@code invoice.paid}
 * @param endpointId the registration it went to
 * @param attempt 1 for the first attempt of the delivery, 2 for the first retry…
 * @param requestLine for example {@code POST /webhooks HTTP/1.1}
 * @param headers every header as sent, in the order and letter case sent ({@code Host}, {@code Content-Length}
 *     and {@code User-Agent} included); look one up with {@link #header}
 * @param body the exact bytes sent
 * @param status the receiver's status, null when no answer came
 * @param responseBody the first kilobytes of the receiver's answer, null when none came
 * @param error why no answer came ({@code timeout}, {@code refused}, {@code reset}…), null when one did
 * @param failure the injected failure that altered this attempt ({@code duplicate 1 of 2}, {@code lost
 *     acknowledgement}…), null when none did
 * @param sentAt when it was sent, on the provider's clock
 */
public record RecordedDelivery(String deliveryId, String eventId, String eventType, String endpointId, int attempt,
        String requestLine, Map<String, String> headers, byte[] body, Integer status, String responseBody,
        String error, String failure, Instant sentAt) {

    public RecordedDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** The exact bytes sent (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header's value, its name matched ignoring letter case; null when it was not sent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Whether the provider counted the answer as delivered. */
    public boolean answered() {
        return status != null;
    }

    /** One line for a failure message: {@code #2 invoice.paid (evt_…) to ep_… → 500}. */
    public String summary() {
        return "#" + attempt + " " + eventType + " (" + eventId + ") to " + endpointId + " -> "
                + (status != null ? status.toString() : error) + (failure != null ? " [" + failure + "]" : "");
    }

    @Override
    public String toString() {
        return "RecordedDelivery[" + summary() + "]";
    }
}
