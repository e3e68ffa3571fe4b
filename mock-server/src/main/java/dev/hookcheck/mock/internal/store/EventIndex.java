package dev.hookcheck.mock.internal.store;

import dev.hookcheck.core.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one organization, oldest first, with an index per filterable field. A query starts
 * from the smallest matching index, narrows it to the time range by binary search, and only scans
 * when a second field filters too, so a one-field filter over 100 000 events costs a map lookup and
 * two binary searches. Not thread-safe: {@link Store} guards it.
 */
final class EventIndex {
    /** Oldest first; ties keep insertion order. */
    private static final Comparator<Event> ORDER = Comparator.comparing(Event::createdAt);

    private final List<Event> all = new ArrayList<>();
    private final Map<String, List<Event>> byType = new HashMap<>();
    private final Map<String, List<Event>> byResourceType = new HashMap<>();
    private final Map<String, List<Event>> byResourceId = new HashMap<>();

    void add(Event event) {
        insert(all, event);
        insert(byType.computeIfAbsent(event.type(), k -> new ArrayList<>()), event);
        insert(byResourceType.computeIfAbsent(event.resourceType(), k -> new ArrayList<>()), event);
        insert(byResourceId.computeIfAbsent(event.resourceId(), k -> new ArrayList<>(2)), event);
    }

    int size() {
        return all.size();
    }

    /** Events matching the filter, newest first, from {@code offset}, at most {@code limit}. */
    Page<Event> query(EventFilter filter, int offset, int limit) {
        List<Event> source = all;
        int keyed = 0;
        for (List<Event> candidate : new List[] {
                filter.type() == null ? null : byType.getOrDefault(filter.type(), List.of()),
                filter.resourceType() == null ? null : byResourceType.getOrDefault(filter.resourceType(), List.of()),
                filter.resourceId() == null ? null : byResourceId.getOrDefault(filter.resourceId(), List.of())}) {
            if (candidate != null) {
                keyed++;
                if (keyed == 1 || candidate.size() < source.size()) {
                    source = candidate;
                }
            }
        }
        int from = filter.createdAfter() == null ? 0 : firstAfter(source, filter.createdAfter());
        int to = filter.createdBefore() == null ? source.size() : firstAtOrAfter(source, filter.createdBefore());
        if (from >= to) {
            return new Page<>(List.of(), 0);
        }
        List<Event> range = source.subList(from, to);
        if (keyed <= 1) {
            return newestFirst(range, offset, limit);
        }
        List<Event> matching = new ArrayList<>();
        for (Event e : range) {
            if (filter.matches(e)) {
                matching.add(e);
            }
        }
        return newestFirst(matching, offset, limit);
    }

    private static Page<Event> newestFirst(List<Event> ascending, int offset, int limit) {
        int total = ascending.size();
        List<Event> items = new ArrayList<>(Math.max(0, Math.min(limit, total - offset)));
        for (int i = offset; i < total && items.size() < limit; i++) {
            items.add(ascending.get(total - 1 - i));
        }
        return new Page<>(items, total);
    }

    private static void insert(List<Event> list, Event event) {
        if (list.isEmpty() || !list.get(list.size() - 1).createdAt().isAfter(event.createdAt())) {
            list.add(event); // the common case: events arrive in time order
            return;
        }
        int at = Collections.binarySearch(list, event, ORDER);
        at = at < 0 ? -at - 1 : at;
        while (at < list.size() && !list.get(at).createdAt().isAfter(event.createdAt())) {
            at++; // after equal timestamps, so ties keep insertion order
        }
        list.add(at, event);
    }

    private static int firstAfter(List<Event> list, Instant instant) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).createdAt().isAfter(instant)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int firstAtOrAfter(List<Event> list, Instant instant) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).createdAt().isBefore(instant)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
