package dev.hookcheck.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Resources of the default organizations (opened by {@link Sandbox#KEY}) that a run may name in its
 * paths: an admin endpoint, a failure rule, an event and its delivery, a Vitable event, a Dfns
 * webhook and one of its events, a Preo endpoint and one of its deliveries. Every endpoint points
 * at {@code sink}, a receiver that answers 200.
 */
record Targets(Map<String, String> ids) {

    static Targets create(Sandbox sandbox, String sink, Verdicts verdicts) {
        Map<String, String> ids = new LinkedHashMap<>();
        String standard = sandbox.organization("standard");
        JsonNode endpoint = sandbox.admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"organizationId\":\""
                + standard + "\",\"url\":\"" + sink + "\"}").expect(201);
        verdicts.knowSecret(endpoint.path("secret").asString(null));
        ids.put("admin-endpoint", endpoint.get("id").asString());
        ids.put("failure", sandbox.admin("POST", "/__admin/failures", "{\"mode\":\"drop\",\"enabled\":false}").expect(201)
                .get("id").asString());
        JsonNode event = sandbox.admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"" + standard
                + "\",\"type\":\"invoice.paid\"}").expect(201);
        ids.put("admin-event", event.get("id").asString());
        ids.put("admin-delivery", sandbox.admin("GET", "/__admin/deliveries/await?count=1&eventId=" + event.get("id").asString()
                + "&timeoutMs=20000", null).expect(200).get("deliveries").get(0).get("id").asString());
        ids.put("vitable-event", sandbox.provider("GET", "/v1/webhook-events?limit=1", Sandbox.KEY, null).expect(200)
                .get("data").get(0).get("id").asString());
        JsonNode dfns = sandbox.provider("POST", "/webhooks", Sandbox.KEY, "{\"url\":\"" + sink + "\",\"events\":[\"*\"]}")
                .expect(200);
        verdicts.knowSecret(dfns.path("secret").asString(null));
        ids.put("dfns-webhook", dfns.get("id").asString());
        JsonNode preo = sandbox.provider("POST", "/api/management/webhooks/", Sandbox.KEY, "{\"name\":\"target\",\"url\":\""
                + sink + "\",\"events\":[\"order.created\"],\"timeout_seconds\":2}").expect(201);
        verdicts.knowSecret(preo.path("secret").asString(null));
        ids.put("preo-endpoint", preo.get("id").asString());
        for (String profile : List.of("dfns", "preo")) {
            String type = profile.equals("dfns") ? "wallet.created" : "order.created";
            sandbox.admin("POST", "/__admin/events", "{\"profile\":\"" + profile + "\",\"organizationId\":\""
                    + sandbox.organization(profile) + "\",\"type\":\"" + type + "\"}").expect(201);
        }
        sandbox.admin("GET", "/__admin/deliveries/await?count=1&status=delivered&endpointId=" + ids.get("dfns-webhook")
                + "&timeoutMs=20000", null).expect(200);
        JsonNode preoDelivery = sandbox.admin("GET", "/__admin/deliveries/await?count=1&status=delivered&endpointId="
                + ids.get("preo-endpoint") + "&timeoutMs=20000", null).expect(200);
        ids.put("preo-delivery", preoDelivery.get("deliveries").get(0).get("id").asString());
        ids.put("dfns-event", sandbox.provider("GET", "/webhooks/" + ids.get("dfns-webhook") + "/events?limit=1", Sandbox.KEY,
                null).expect(200).get("items").get(0).get("id").asString());
        return new Targets(Map.copyOf(ids));
    }

    /** The id to put for path parameter {@code name} of {@code op}. */
    String forPath(OpenApi.Operation op, String name) {
        String path = op.path();
        return switch (name) {
            case "event_id" -> ids.get("vitable-event");
            case "webhookId" -> ids.get("dfns-webhook");
            case "webhookEventId" -> ids.get("dfns-event");
            case "delivery_id" -> ids.get("preo-delivery");
            default -> path.startsWith("/api/management/") ? ids.get("preo-endpoint")
                    : path.startsWith("/__admin/events") ? ids.get("admin-event")
                    : path.startsWith("/__admin/deliveries") ? ids.get("admin-delivery")
                    : path.startsWith("/__admin/failures") ? ids.get("failure")
                    : ids.get("admin-endpoint");
        };
    }

    /** The path of {@code op} with every parameter filled in. */
    String path(OpenApi.Operation op) {
        String path = op.path();
        for (OpenApi.Parameter p : op.in("path")) {
            path = path.replace("{" + p.name() + "}", forPath(op, p.name()));
        }
        return path;
    }
}
