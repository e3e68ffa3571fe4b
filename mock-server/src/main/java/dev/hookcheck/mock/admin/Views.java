package dev.hookcheck.mock.admin;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.http.Json;
import dev.hookcheck.mock.store.Delivery;
import dev.hookcheck.mock.store.Endpoint;
import dev.hookcheck.mock.store.Organization;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's JSON for the store's records: one neutral shape for every profile, camelCase,
 * secrets shown (the admin API is the sandbox operator's view). Described by
 * {@code schemas/json/admin/}.
 */
final class Views {
    private Views() {}

    static ObjectNode organization(Organization organization) {
        return Json.object()
                .put("id", organization.id())
                .put("profile", organization.profile())
                .put("name", organization.name());
    }

    static ObjectNode apiKey(String key, String profile, String organizationId) {
        return Json.object().put("key", key).put("profile", profile).put("organizationId", organizationId);
    }

    static ObjectNode event(Event event) {
        ObjectNode json = Json.object()
                .put("id", event.id())
                .put("profile", event.profile())
                .put("organizationId", event.organizationId())
                .put("type", event.type())
                .put("resourceType", event.resourceType())
                .put("resourceId", event.resourceId())
                .put("createdAt", event.createdAt().toString());
        json.set("data", Json.MAPPER.readTree(event.dataJson()));
        return json;
    }

    static ObjectNode delivery(Delivery delivery) {
        return Json.object()
                .put("id", delivery.id())
                .put("profile", delivery.profile())
                .put("organizationId", delivery.organizationId())
                .put("eventId", delivery.eventId())
                .put("endpointId", delivery.endpointId())
                .put("status", delivery.status().name().toLowerCase(Locale.ROOT))
                .put("attempts", delivery.attempts())
                .put("createdAt", delivery.createdAt().toString())
                .put("startedAt", instant(delivery.startedAt()))
                .put("deliveredAt", instant(delivery.deliveredAt()))
                .put("failedAt", instant(delivery.failedAt()))
                .put("failureReason", delivery.failureReason())
                .put("lastAttemptAt", instant(delivery.lastAttemptAt()))
                .put("nextAttemptAt", instant(delivery.nextAttemptAt()))
                .put("responseStatus", delivery.responseStatus())
                .put("signature", delivery.signature());
    }

    static ObjectNode endpoint(Endpoint endpoint) {
        ObjectNode json = Json.object()
                .put("id", endpoint.id())
                .put("profile", endpoint.profile())
                .put("organizationId", endpoint.organizationId())
                .put("url", endpoint.url());
        endpoint.events().forEach(json.putArray("events")::add);
        return json.put("enabled", endpoint.enabled())
                .put("secret", endpoint.secret().reveal())
                .put("name", endpoint.name())
                .put("description", endpoint.description())
                .put("createdAt", instant(endpoint.createdAt()))
                .put("updatedAt", instant(endpoint.updatedAt()));
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
