package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.concurrent.CompletableFuture;

/**
 * What the API layer asks of the delivery side: fan a new event out to the endpoints that want it,
 * retry a delivery by hand, rotate a secret, ping an endpoint. Not a published API.
 */
public interface Deliveries {

    /** Creates one pending delivery per enabled endpoint of the event's organization that receives it. */
    void fanOut(Event event);

    /** Schedules another attempt of a finished delivery now. */
    Delivery retry(Delivery delivery);

    /**
     * Gives the endpoint a new secret, keeping the old one beside it for the configured overlap where
     * the scheme carries several signatures; returns the endpoint with the new secret first.
     */
    Endpoint rotateSecret(String endpointId);

    /**
     * Sends a signed test event to the endpoint (not stored) and reports how it answered, without
     * holding a thread while the receiver takes its time (at most the endpoint's timeout).
     */
    CompletableFuture<PingResult> ping(Endpoint endpoint);

    /**
     * @param status the receiver's HTTP status, or null when no answer came
     * @param error what went wrong on the wire ({@code refused}, {@code timeout}…), or null
     */
    record PingResult(Integer status, String error) {}
}
