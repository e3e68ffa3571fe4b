package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IDM-007: a resource changes many times, and each change is an event of its own. */
final class SameResourceEventsProcessed extends Check {
    static final int EVENTS = 3;

    SameResourceEventsProcessed() {
        super("IDM-007", Category.IDEMPOTENCY, "processes each of several events about one resource",
                EVENTS + " distinct events about the same resource, one after the other (of the first type the"
                        + " receiver processes, and of its other types about that resource where there are any)",
                "2xx for each, and each event processed once",
                "deduplicate on the event's idempotency key, not on the id of the resource it is about: one order,"
                        + " wallet or enrollment has many events.",
                "A receiver that deduplicates on the resource processes the first change of an order and drops"
                        + " every later one: refunds, cancellations, status changes.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Event first = session.event();
        EventType type = session.eventTypes().get(0);
        EventType other = session.eventTypes().stream()
                .filter(t -> t.resourceType().equals(type.resourceType()) && !t.name().equals(type.name()))
                .findFirst().orElse(type);
        List<Event> events = new ArrayList<>(List.of(first));
        events.add(session.eventAbout(type, first.resourceId()));
        events.add(session.eventAbout(other, first.resourceId()));
        Map<String, Integer> once = new LinkedHashMap<>();
        Exchange last = null;
        for (Event event : events) {
            Delivery delivery = session.deliver(event, session.attempt(event, session.now()));
            last = session.send(delivery);
            session.expectAccepted(last, "for each event about " + type.resourceType() + " " + first.resourceId());
            once.put(delivery.key(), 1);
        }
        session.expectProcessed(once, last, "about one " + type.resourceType());
    }
}
