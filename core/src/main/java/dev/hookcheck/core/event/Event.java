package dev.hookcheck.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the mock provider stores it, independent of any dialect's field names.
 *
 * @param id the provider's event id ({@code wevt_…}, {@code whe-…}, {@code msg_…}, {@code evt_…})
 * @param profile the profile name
 * @param organizationId the owning organization
 * @param type the event name, kind or type ({@code enrollment.accepted}, {@code wallet.created})
 * @param resourceType the kind of resource the event is about ({@code enrollment}, {@code wallet})
 * @param resourceId the resource's id
 * @param createdAt when the event happened
 * @param dataJson the event's data object as compact JSON ({@code {}} when the profile sends none)
 */
public record Event(
        String id,
        String profile,
        String organizationId,
        String type,
        String resourceType,
        String resourceId,
        Instant createdAt,
        String dataJson) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dataJson, "dataJson");
    }
}
