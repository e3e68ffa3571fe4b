package dev.hookcheck.core.profile;

import java.util.List;
import java.util.Objects;

/**
 * An endpoint the mock's sandbox starts with, besides the history it delivered.
 *
 * @param organization which seeded organization owns it: 0 the first (Acme), 1 the second (Globex)
 * @param url where it points (a host of the example domains, which never answers)
 * @param description its name in the provider's API
 * @param events the event types it is subscribed to; {@link #ALL} for every one
 * @param filterResource the resource type whose one seeded id the endpoint is filtered to (Preo's
 *     edition), or null
 */
public record SeededEndpoint(int organization, String url, String description, List<String> events,
        String filterResource) {
    /** Subscribed to every event type. */
    public static final List<String> ALL = List.of("*");

    public SeededEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(description, "description");
        events = List.copyOf(events);
    }

    /** One subscribed to every event type, unfiltered. */
    public static SeededEndpoint of(int organization, String url, String description) {
        return new SeededEndpoint(organization, url, description, ALL, null);
    }

    /** The endpoints of a provider that names none: one for each organization, subscribed to everything. */
    public static List<SeededEndpoint> defaults(String profile) {
        return List.of(of(0, "https://acme.example/webhooks/" + profile, "Acme receiver"),
                of(1, "https://globex.example/webhooks/" + profile, "Globex receiver"));
    }
}
