package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.delivery.FailureInjection.Hold;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * From an event to its deliveries: one pending delivery per enabled endpoint of the event's
 * organization that receives it, each attempted at once unless a reorder window holds it; a burst
 * rule may first turn the event into several. Remembers what it did on purpose (bursts, reordering),
 * for the attempts' labels, and in which order a released window's deliveries go out.
 */
final class FanOut {
    private final Store store;
    private final Random random;
    private final Recorder recorder;
    private final Supplier<FailureInjection> injection;
    private final BiConsumer<String, Instant> firstAttempt;
    private final ReorderWindows windows;
    /** Labels of whole events (a burst): every attempt of their deliveries carries them. */
    private final Map<String, String> eventLabels = new ConcurrentHashMap<>();
    /** Labels of deliveries released by a reorder window: their first attempt carries them. */
    private final Map<String, String> firstAttemptLabels = new ConcurrentHashMap<>();
    /** In a released reorder window, the delivery sent once this one has had its attempt. */
    private final Map<String, String> sendAfter = new ConcurrentHashMap<>();

    /**
     * @param firstAttempt schedules a delivery's first attempt at an instant
     * @param schedule runs a task at an instant of the server's clock (for the reorder windows' timeouts)
     */
    FanOut(Store store, Random random, Recorder recorder, Supplier<FailureInjection> injection,
            BiConsumer<String, Instant> firstAttempt, Scheduler schedule) {
        this.store = store;
        this.random = random;
        this.recorder = recorder;
        this.injection = injection;
        this.firstAttempt = firstAttempt;
        this.windows = new ReorderWindows((after, task) -> schedule.schedule(now().plus(after), when -> task.run()),
                this::release);
    }

    /** Closes the windows a failure rule held deliveries in: they go out now. */
    void withdraw(String ruleId) {
        windows.withdraw(ruleId);
    }

    /** A burst rule may first turn the event into several (stored beside it). */
    void fanOut(Event event, Instant now) {
        List<Endpoint> receivers = receivers(event);
        int count = eventLabels.containsKey(event.id()) ? 1 : injection.get().burst(event, receivers);
        if (count <= 1) {
            deliver(event, receivers, now);
            return;
        }
        Profile profile = Profiles.get(event.profile());
        List<Event> burst = new ArrayList<>(count);
        burst.add(event);
        for (int i = 1; i < count; i++) {
            Event copy = new Event(profile.ids().event().generate(random), event.profile(), event.organizationId(),
                    event.type(), event.resourceType(), event.resourceId(), event.createdAt(), event.dataJson());
            store.addEvent(copy);
            burst.add(copy);
        }
        burst(burst, now);
    }

    /** To this one endpoint only, if it is enabled and takes the event; burst rules do not multiply it. */
    void fanOutTo(Event event, Endpoint endpoint, Instant now) {
        deliver(event, receivers(event).stream().filter(e -> e.id().equals(endpoint.id())).toList(), now);
    }

    /** Stored events fanned out at once, as one burst: their attempts are labelled {@code burst i of n}. */
    void burst(List<Event> events, Instant now) {
        for (int i = 0; i < events.size(); i++) {
            eventLabels.put(events.get(i).id(), "burst " + (i + 1) + " of " + events.size());
        }
        events.forEach(e -> deliver(e, receivers(e), now));
    }

    private List<Endpoint> receivers(Event event) {
        return store.endpoints(event.organizationId()).stream().filter(e -> e.enabled() && e.receives(event.type())).toList();
    }

    private void deliver(Event event, List<Endpoint> receivers, Instant now) {
        Profile profile = Profiles.get(event.profile());
        for (Endpoint endpoint : receivers) {
            Delivery delivery = Delivery.pending(profile.ids().delivery().generate(random), profile.name(),
                    event.organizationId(), event.id(), endpoint.id(), now);
            recorder.add(delivery);
            Hold hold = injection.get().hold(delivery, event, endpoint);
            if (hold == null) {
                firstAttempt.accept(delivery.id(), now);
            } else {
                windows.hold(hold, endpoint.id(), delivery.id());
            }
        }
    }

    /** Sends a reorder window's deliveries one after another, in the shuffled order. */
    private void release(ReorderWindows.Release release) {
        firstAttemptLabels.putAll(release.labels());
        List<String> order = release.order();
        for (int i = 0; i + 1 < order.size(); i++) {
            sendAfter.put(order.get(i), order.get(i + 1));
        }
        firstAttempt.accept(order.get(0), now());
    }

    /** The delivery has had an attempt: the one after it in a released window goes now. */
    void attempted(String deliveryId, Instant now) {
        String next = sendAfter.remove(deliveryId);
        if (next != null) {
            firstAttempt.accept(next, now);
        }
    }

    /** What was done on purpose to the event and, on its first attempt, the delivery; empty: nothing. */
    List<String> labels(String eventId, String deliveryId, int number) {
        if (eventLabels.isEmpty() && firstAttemptLabels.isEmpty()) {
            return List.of(); // the usual case
        }
        List<String> parts = new ArrayList<>(2);
        Optional.ofNullable(eventLabels.get(eventId)).ifPresent(parts::add);
        if (number == 1) {
            Optional.ofNullable(firstAttemptLabels.get(deliveryId)).ifPresent(parts::add);
        }
        return parts;
    }

    /** Forgets the held windows, labels and orders (a reset). */
    void clear() {
        windows.clear();
        eventLabels.clear();
        firstAttemptLabels.clear();
        sendAfter.clear();
    }

    private Instant now() {
        return store.clock().instant();
    }
}
