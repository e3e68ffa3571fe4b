package dev.hookcheck.mock.internal.store;

import dev.hookcheck.core.event.Event;
import java.time.Instant;

/**
 * What a list of events is narrowed to. Null fields do not filter.
 *
 * @param createdAfter strictly after this instant
 * @param createdBefore strictly before this instant
 */
public record EventFilter(String type, String resourceType, String resourceId, Instant createdAfter,
        Instant createdBefore) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null);

    boolean matches(Event e) {
        return (type == null || type.equals(e.type()))
                && (resourceType == null || resourceType.equals(e.resourceType()))
                && (resourceId == null || resourceId.equals(e.resourceId()))
                && (createdAfter == null || e.createdAt().isAfter(createdAfter))
                && (createdBefore == null || e.createdAt().isBefore(createdBefore));
    }
}
