package dev.hookcheck.core.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * One event a provider sends.
 *
 * @param name the event name, kind or type
 * @param resourceType the resource it is about; for Dfns the key of the {@code data} object
 *     ({@code wallet}, {@code transferRequest}…)
 * @param replacedBy the newer name of a renamed event, or null while the name is current
 * @param system whether the provider sends it about the webhook itself (GitHub's {@code ping}) rather
 *     than about the receiver's business; receivers often only log such events
 * @param renamedOn when the provider started sending {@code replacedBy} instead, if it says
 */
public record EventType(String name, String resourceType, String replacedBy, boolean system, Instant renamedOn) {
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceType, "resourceType");
    }

    public EventType(String name, String resourceType) {
        this(name, resourceType, null, false, null);
    }

    /** An event the provider renamed on {@code on}: before it, it sent this name instead of {@code replacedBy}. */
    public static EventType renamed(String name, String resourceType, String replacedBy, Instant on) {
        return new EventType(name, resourceType, Objects.requireNonNull(replacedBy, "replacedBy"), false, on);
    }

    /** An event about the webhook itself, such as GitHub's {@code ping}. */
    public static EventType system(String name, String resourceType) {
        return new EventType(name, resourceType, null, true, null);
    }

    public boolean deprecated() {
        return replacedBy != null;
    }

    /** Current and about the receiver's business: what a receiver really processes. */
    public boolean business() {
        return !deprecated() && !system;
    }
}
