package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client needs to speak about each profile in its own words: the event catalog and resource
 * types (for triggering and filtering), the signature header, the retry schedule's length, and the
 * provider's own words for a delivery's status where its API has them.
 */
final class ProfileRoutes {
    private final Map<String, Function<DeliveryStatus, String>> statusWords;

    /** @param statusWords the provider dialects' words for a delivery's status, by profile */
    ProfileRoutes(Map<String, Function<DeliveryStatus, String>> statusWords) {
        this.statusWords = Map.copyOf(statusWords);
    }

    /** {@code GET /__admin/profiles}: every built-in profile, in {@link Profiles#names()} order. */
    void list(Context ctx) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("profiles");
        Profiles.all().forEach(p -> items.add(profile(p)));
        Json.write(ctx, 200, body);
    }

    private ObjectNode profile(Profile profile) {
        ObjectNode json = Json.object()
                .put("name", profile.name())
                .put("displayName", profile.displayName())
                .put("signatureHeader", profile.scheme().signatureHeader())
                .put("maxAttempts", profile.retryPolicy().maxAttempts());
        ArrayNode events = json.putArray("events");
        for (EventType type : profile.events().types()) {
            ObjectNode event = events.addObject().put("name", type.name()).put("resourceType", type.resourceType());
            event.put("replacedBy", type.replacedBy());
        }
        profile.events().resourceTypes().forEach(json.putArray("resourceTypes")::add);
        Function<DeliveryStatus, String> words = statusWords.get(profile.name());
        if (words == null) {
            json.putNull("statusWords");
        } else {
            ObjectNode map = json.putObject("statusWords");
            for (DeliveryStatus status : DeliveryStatus.values()) {
                map.put(status.name().toLowerCase(Locale.ROOT), words.apply(status));
            }
        }
        return json;
    }
}
