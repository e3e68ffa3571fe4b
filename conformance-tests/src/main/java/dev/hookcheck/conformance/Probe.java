package dev.hookcheck.conformance;

import dev.hookcheck.conformance.internal.HttpProbe;

/**
 * How a check sees a side effect: how many times the receiver has processed an event. The event id
 * is the profile's idempotency key: {@code webhook-id} for Standard Webhooks, {@code event_id} for
 * Vitable, the first attempt's {@code id} for Dfns (later attempts point back to it through
 * {@code retryOf}), the event {@code id} for Stripe and Preo, {@code X-GitHub-Delivery} for GitHub.
 *
 * <p>The count must include every event the receiver has acknowledged: a receiver that queues work
 * counts an event when it queues it, not when a worker picks it up. Without a probe the checks that
 * need one are reported as skipped ("no probe"), never as passed.
 */
@FunctionalInterface
public interface Probe {

    /** How many times the event has been processed; 0 for an event never seen. */
    int timesProcessed(String eventId) throws Exception;

    /**
     * A probe over HTTP: {@code GET} the template with {@code {event_id}} replaced (URL-encoded),
     * expecting {@code 200} and a JSON body {@code {"count": n}}; {@code 404} counts as 0.
     *
     * @param urlTemplate for example {@code http://localhost:8080/__probe/{event_id}}
     */
    static Probe http(String urlTemplate) {
        return new HttpProbe(urlTemplate);
    }
}
