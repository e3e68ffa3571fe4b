package dev.hookcheck.mock.internal.api.vitable;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** Stored events and deliveries in Vitable's field names and words. */
final class VitableViews {
    private VitableViews() {}

    static ObjectNode event(Event event) {
        return Json.object()
                .put("id", event.id())
                .put("organization_id", event.organizationId())
                .put("event_name", event.type())
                .put("resource_type", event.resourceType())
                .put("resource_id", event.resourceId())
                .put("created_at", timestamp(event.createdAt()));
    }

    static ObjectNode delivery(Delivery delivery) {
        String status = status(delivery.status());
        return Json.object()
                .put("id", delivery.id())
                .put("webhook_event_id", delivery.eventId())
                .put("subscription_id", delivery.endpointId())
                .put("status", status)
                .put("started_at", timestamp(delivery.startedAt()))
                .put("delivered_at", timestamp(delivery.deliveredAt()))
                .put("failed_at", timestamp(delivery.failedAt()))
                .put("failure_reason", status.equals("Failed") ? delivery.failureReason() : "")
                .put("created_at", timestamp(delivery.createdAt()));
    }

    /**
     * Vitable has four words for the store's six states: a retry waiting for its turn is still "In
     * Progress", and a delivery that ran out of attempts has "Failed" like one stopped early.
     */
    static String status(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case IN_PROGRESS, RETRYING -> "In Progress";
            case DELIVERED -> "Delivered";
            case FAILED, EXHAUSTED -> "Failed";
        };
    }

    /** UTC ISO-8601 with {@code Z}, to the precision the instant has; null stays null. */
    static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
