package dev.hookcheck.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Resources of the default organizations (opened by {@link Sandbox#KEY}) that a run may name in its
 * paths: an admin endpoint, a failure rule, an event and its delivery, a Vitable event, a Dfns
 * webhook and one of its events, a Preo endpoint and one of its deliveries. Every endpoint points
 * at {@code sink}, a receiver that answers 200. One a request deleted is made again.
 */
final class Targets {
    private final Sandbox sandbox;
    private final String sink;
    private final Verdicts verdicts;
    private final Map<String, String> ids = new LinkedHashMap<>();

    private Targets(Sandbox sandbox, String sink, Verdicts verdicts) {
        this.sandbox = sandbox;
        this.sink = sink;
        this.verdicts = verdicts;
    }

    static Targets create(Sandbox sandbox, String sink, Verdicts verdicts) {
        Targets targets = new Targets(sandbox, sink, verdicts);
        targets.adminEndpoint();
        targets.failureRule();
        String standard = sandbox.organization("standard");
        JsonNode event = sandbox.admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"" + standard
                + "\",\"type\":\"invoice.paid\"}").expect(201);
        targets.ids.put("admin-event", event.get("id").asString());
        targets.ids.put("admin-delivery", sandbox.admin("GET", "/__admin/deliveries/await?count=1&eventId="
                + event.get("id").asString() + "&timeoutMs=20000", null).expect(200).get("deliveries").get(0).get("id").asString());
        targets.ids.put("vitable-event", sandbox.provider("GET", "/v1/webhook-events?limit=1", Sandbox.KEY, null).expect(200)
                .get("data").get(0).get("id").asString());
        targets.dfnsWebhook();
        targets.preoEndpoint();
        return targets;
    }

    Map<String, String> ids() {
        return Map.copyOf(ids);
    }

    private void adminEndpoint() {
        JsonNode endpoint = sandbox.admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"organizationId\":\""
                + sandbox.organization("standard") + "\",\"url\":\"" + sink + "\"}").expect(201);
        verdicts.knowSecret(endpoint.path("secret").asString(null));
        ids.put("admin-endpoint", endpoint.get("id").asString());
    }

    private void failureRule() {
        ids.put("failure", sandbox.admin("POST", "/__admin/failures", "{\"mode\":\"drop\",\"enabled\":false}").expect(201)
                .get("id").asString());
    }

    /** A Dfns webhook, and an event of it (a delivery to it leaves one). */
    private void dfnsWebhook() {
        JsonNode dfns = sandbox.provider("POST", "/webhooks", Sandbox.KEY, "{\"url\":\"" + sink + "\",\"events\":[\"*\"]}")
                .expect(200);
        verdicts.knowSecret(dfns.path("secret").asString(null));
        ids.put("dfns-webhook", dfns.get("id").asString());
        deliverTo("dfns", "wallet.created", ids.get("dfns-webhook"));
        ids.put("dfns-event", sandbox.provider("GET", "/webhooks/" + ids.get("dfns-webhook") + "/events?limit=1", Sandbox.KEY,
                null).expect(200).get("items").get(0).get("id").asString());
    }

    /** A Preo endpoint, and a delivery to it. */
    private void preoEndpoint() {
        JsonNode preo = sandbox.provider("POST", "/api/management/webhooks/", Sandbox.KEY, "{\"name\":\"target\",\"url\":\""
                + sink + "\",\"events\":[\"order.created\"],\"timeout_seconds\":2}").expect(201);
        verdicts.knowSecret(preo.path("secret").asString(null));
        ids.put("preo-endpoint", preo.get("id").asString());
        ids.put("preo-delivery", deliverTo("preo", "order.created", ids.get("preo-endpoint")));
    }

    /** Sends an event of {@code profile} and waits until the endpoint has it; answers its delivery's id. */
    private String deliverTo(String profile, String type, String endpointId) {
        String eventId = sandbox.admin("POST", "/__admin/events", "{\"profile\":\"" + profile + "\",\"organizationId\":\""
                + sandbox.organization(profile) + "\",\"type\":\"" + type + "\"}").expect(201).get("id").asString();
        return sandbox.admin("GET", "/__admin/deliveries/await?count=1&status=delivered&eventId=" + eventId + "&endpointId="
                + endpointId + "&timeoutMs=20000", null).expect(200).get("deliveries").get(0).get("id").asString();
    }

    /** {@code op} deleted its target: make another, so that later requests have one. */
    void replaceDeleted(OpenApi.Operation op) {
        String path = op.path();
        if (path.startsWith("/__admin/endpoints")) {
            adminEndpoint();
        } else if (path.startsWith("/__admin/failures")) {
            failureRule();
        } else if (path.startsWith("/webhooks")) {
            dfnsWebhook();
        } else if (path.startsWith("/api/management/")) {
            preoEndpoint();
        }
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
                    : path.startsWith("/__admin/credentials") ? "fuzz-credential"
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
