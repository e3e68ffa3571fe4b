package dev.hookcheck.mock.internal.store;

import dev.hookcheck.core.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where an organization's events are delivered: a Vitable subscription, a Dfns webhook, a Preo
 * endpoint, or an endpoint of a generic profile. One record for all, mapped to each dialect's fields
 * by the API layer.
 *
 * @param events the event names it receives; {@code ["*"]} for all
 * @param enabled Dfns {@code Enabled}, Preo {@code is_active}
 * @param editionId Preo's edition filter, null for none
 * @param timeoutSeconds Preo's per-endpoint timeout, null for the profile's default
 * @param secrets the signing secrets, current first (older ones only during a rotation overlap)
 * @param disabledReason why the server disabled it (circuit breaker, 410), null otherwise
 */
public record Endpoint(
        String id,
        String profile,
        String organizationId,
        String url,
        String name,
        String description,
        List<String> events,
        boolean enabled,
        String editionId,
        Integer timeoutSeconds,
        List<Secret> secrets,
        Instant createdAt,
        Instant updatedAt,
        String disabledReason) {

    public static final String ALL_EVENTS = "*";

    public Endpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs a secret");
        }
    }

    public boolean receives(String eventName) {
        return events.contains(ALL_EVENTS) || events.contains(eventName);
    }

    public Secret secret() {
        return secrets.get(0);
    }

    public Endpoint withUrl(String value, Instant now) {
        return new Endpoint(id, profile, organizationId, value, name, description, events, enabled, editionId,
                timeoutSeconds, secrets, createdAt, now, disabledReason);
    }

    public Endpoint withName(String value, Instant now) {
        return new Endpoint(id, profile, organizationId, url, value, description, events, enabled, editionId,
                timeoutSeconds, secrets, createdAt, now, disabledReason);
    }

    public Endpoint withDescription(String value, Instant now) {
        return new Endpoint(id, profile, organizationId, url, name, value, events, enabled, editionId,
                timeoutSeconds, secrets, createdAt, now, disabledReason);
    }

    public Endpoint withEvents(List<String> value, Instant now) {
        return new Endpoint(id, profile, organizationId, url, name, description, value, enabled, editionId,
                timeoutSeconds, secrets, createdAt, now, disabledReason);
    }

    public Endpoint withEnabled(boolean value, String reason, Instant now) {
        return new Endpoint(id, profile, organizationId, url, name, description, events, value, editionId,
                timeoutSeconds, secrets, createdAt, now, value ? null : reason);
    }

    public Endpoint withEditionId(String value, Instant now) {
        return new Endpoint(id, profile, organizationId, url, name, description, events, enabled, value,
                timeoutSeconds, secrets, createdAt, now, disabledReason);
    }

    public Endpoint withTimeoutSeconds(Integer value, Instant now) {
        return new Endpoint(id, profile, organizationId, url, name, description, events, enabled, editionId,
                value, secrets, createdAt, now, disabledReason);
    }

    public Endpoint withSecrets(List<Secret> value, Instant now) {
        return new Endpoint(id, profile, organizationId, url, name, description, events, enabled, editionId,
                timeoutSeconds, value, createdAt, now, disabledReason);
    }
}
