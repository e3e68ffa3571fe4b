package dev.hookcheck.core.profile;

import java.util.Objects;

/**
 * One event a provider sends.
 *
 * @param name the event name, kind or type
 * @param resourceType the resource it is about; for Dfns the key of the {@code data} object
 *     ({@code wallet}, {@code transferRequest}…)
 * @param replacedBy the newer name of a renamed event, or null while the name is current
 */
public record EventType(String name, String resourceType, String replacedBy) {
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceType, "resourceType");
    }

    public EventType(String name, String resourceType) {
        this(name, resourceType, null);
    }

    public boolean deprecated() {
        return replacedBy != null;
    }
}
