package dev.hookcheck.mock.internal.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP attempt of a delivery, as sent and as answered. For Dfns every attempt is also a webhook
 * event of its own ({@code id} = its {@code whe-} id, {@code retryOf} = the attempt before).
 *
 * @param id the attempt's id (Dfns: the {@code whe-} event id)
 * @param retryOf the previous attempt's id, null on the first
 * @param responseStatus the receiver's status, null when no answer came
 * @param error what went wrong on the wire ({@code refused}, {@code reset}, {@code timeout},
 *     {@code tls}), null when an answer came
 * @param succeeded whether the profile counts the answer as delivered
 * @param nextAttemptAt when the next attempt is due after this one failed, null otherwise
 * @param injected the failure-injection label when the attempt was altered on purpose, null otherwise
 * @param url where it was POSTed (the endpoint's URL then), null for records made without one
 * @param trigger {@link #SCHEDULE} when the profile's schedule made it at its instant, {@link #MANUAL}
 *     when a person asked for it (admin API, dashboard)
 * @param scheduled whether it is one of the profile's scheduled attempts (counted against the
 *     schedule's maximum); false for an extra attempt made by hand beside the schedule
 * @param copyOf for a copy that a duplicate rule sent beside an attempt, that attempt's id; null otherwise
 * @param copy which copy it is: 1 for the attempt itself, 2 and up for its copies
 */
public record AttemptRecord(
        String id,
        String deliveryId,
        String endpointId,
        String eventId,
        String organizationId,
        String profile,
        int number,
        Instant sentAt,
        String retryOf,
        Map<String, String> requestHeaders,
        String requestBody,
        Integer responseStatus,
        Map<String, String> responseHeaders,
        String responseBody,
        long latencyMillis,
        String error,
        boolean succeeded,
        Instant nextAttemptAt,
        String injected,
        String url,
        String trigger,
        boolean scheduled,
        String copyOf,
        int copy) {

    public static final String SCHEDULE = "schedule";
    public static final String MANUAL = "manual";

    public AttemptRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sentAt, "sentAt");
        requestHeaders = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestHeaders)); // as sent
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        Objects.requireNonNull(trigger, "trigger");
    }

    /** An attempt the schedule made, sent to an URL not recorded (seeded history, fixtures). */
    public AttemptRecord(String id, String deliveryId, String endpointId, String eventId, String organizationId,
            String profile, int number, Instant sentAt, String retryOf, Map<String, String> requestHeaders,
            String requestBody, Integer responseStatus, Map<String, String> responseHeaders, String responseBody,
            long latencyMillis, String error, boolean succeeded, Instant nextAttemptAt, String injected) {
        this(id, deliveryId, endpointId, eventId, organizationId, profile, number, sentAt, retryOf, requestHeaders,
                requestBody, responseStatus, responseHeaders, responseBody, latencyMillis, error, succeeded, nextAttemptAt,
                injected, null, SCHEDULE, true, null, 1);
    }

    /** A copy of a duplicated attempt rides along with it and is never counted on its own. */
    public boolean isCopy() {
        return copyOf != null;
    }

    /** The id of copy {@code n} (2 and up) of an attempt: its own, since every record has one. */
    public static String copyId(String attemptId, int n) {
        return attemptId + ".copy" + n;
    }

    /** This record as copy {@code n} (2 and up) of itself, as a duplicate rule sends it. */
    public AttemptRecord asCopy(int n) {
        return new AttemptRecord(copyId(id, n), deliveryId, endpointId, eventId, organizationId, profile, number, sentAt,
                retryOf, requestHeaders, requestBody, responseStatus, responseHeaders, responseBody, latencyMillis, error,
                succeeded, nextAttemptAt, injected, url, trigger, scheduled, id, n);
    }

    /** An extra attempt made by hand, outside the profile's schedule. */
    public boolean isExtra() {
        return !scheduled && !isCopy();
    }
}
