package dev.hookcheck.core.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The events a profile knows and the resource types they are about. */
public final class EventCatalog {
    private final Map<String, EventType> byName = new LinkedHashMap<>();
    private final List<String> resourceTypes;

    public EventCatalog(List<EventType> types, List<String> resourceTypes) {
        for (EventType type : types) {
            if (byName.put(type.name(), type) != null) {
                throw new IllegalArgumentException("event " + type.name() + " is listed twice");
            }
            if (!resourceTypes.contains(type.resourceType())) {
                throw new IllegalArgumentException("event " + type.name() + " has unknown resource type " + type.resourceType());
            }
        }
        this.resourceTypes = List.copyOf(new LinkedHashSet<>(resourceTypes));
    }

    public List<EventType> types() {
        return List.copyOf(byName.values());
    }

    /** Every event name, deprecated ones included, in catalog order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The current events about the receiver's business (no renamed and no system events), in catalog order. */
    public List<EventType> businessTypes() {
        return byName.values().stream().filter(EventType::business).toList();
    }

    /**
     * The event the provider sent at {@code at} for what is {@code current} today: the older name of a
     * renamed event before its rename, else {@code current} itself.
     */
    public EventType asSentAt(EventType current, Instant at) {
        for (EventType type : byName.values()) {
            if (current.name().equals(type.replacedBy()) && type.renamedOn() != null && at.isBefore(type.renamedOn())) {
                return type;
            }
        }
        return current;
    }

    public Optional<EventType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Every resource type, including ones no event of the catalog uses yet. */
    public List<String> resourceTypes() {
        return resourceTypes;
    }

    public boolean hasResourceType(String resourceType) {
        return resourceTypes.contains(resourceType);
    }
}
