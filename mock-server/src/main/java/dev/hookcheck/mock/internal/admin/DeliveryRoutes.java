package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.delivery.DeliveryEngine;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deliveries of every profile, the journal of their attempts (what was sent, how the receiver
 * answered, what was injected on purpose), attempts by hand (an extra one at any time, the next
 * scheduled one early, every failed delivery again), and a blocking wait for deliveries so tests
 * need not sleep. What is done by hand touches only the deliveries named, never the clock.
 */
final class DeliveryRoutes {
    static final List<String> STATUSES = Arrays.stream(DeliveryStatus.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    static final int MAX_AWAIT_MILLIS = 60_000;

    private final Store store;
    private final DeliveryEngine engine;

    DeliveryRoutes(ServerContext context) {
        this.store = context.store();
        this.engine = context.deliveries();
    }

    /** {@code GET /__admin/deliveries?profile=&organizationId=&endpointId=&eventId=&status=&q=&limit=&offset=}, newest first. */
    void list(Context ctx) {
        Predicate<Delivery> matching = filter(ctx).and(search(Params.text(ctx, "q")));
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Delivery> found = new ArrayList<>(store.deliveries().stream().filter(matching).toList());
        Collections.reverse(found);
        found.sort(Comparator.comparing(Delivery::createdAt).reversed()); // stable: same instant, newest stored first
        Json.write(ctx, 200, list(found.subList(Math.min(offset, found.size()), Math.min(found.size(), offset + limit)),
                found.size()));
    }

    /**
     * {@code q}: the deliveries whose id, event id, event type, endpoint id, URL or name, attempt id or
     * event data contains the text, ignoring case; everything when absent.
     */
    private Predicate<Delivery> search(String q) {
        if (q == null || q.isBlank()) {
            return d -> true;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return d -> contains(d.id(), needle) || contains(d.eventId(), needle) || contains(d.endpointId(), needle)
                || store.event(d.eventId()).map(e -> contains(e.type(), needle) || contains(e.resourceId(), needle)
                        || contains(e.dataJson(), needle)).orElse(false)
                || store.endpoint(d.endpointId()).map(e -> contains(e.url(), needle) || contains(e.name(), needle)).orElse(false)
                || (d.attempts() > 0 && store.attemptsOfDelivery(d.id()).stream().anyMatch(a -> contains(a.id(), needle)));
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** {@code GET /__admin/deliveries/{id}}. */
    void show(Context ctx) {
        Json.write(ctx, 200, Views.delivery(find(ctx.pathParam("id")), store));
    }

    /** {@code GET /__admin/deliveries/{id}/attempts}: in order, each copy of a duplicated attempt after it. */
    void attempts(Context ctx) {
        Delivery delivery = find(ctx.pathParam("id"));
        List<AttemptRecord> attempts = new ArrayList<>(store.attemptsOfDelivery(delivery.id()));
        attempts.sort(Comparator.comparingInt(AttemptRecord::number).thenComparingInt(AttemptRecord::copy));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("attempts");
        attempts.forEach(a -> items.add(Views.attempt(a)));
        Json.write(ctx, 200, body);
    }

    /**
     * {@code POST /__admin/deliveries/{id}/retry}: one extra attempt now, by hand, whatever the
     * delivery's status, outside its schedule (which stays as it was); 409 while an attempt is in
     * flight or when the endpoint cannot take it.
     */
    void retry(Context ctx) {
        Delivery delivery = find(ctx.pathParam("id"));
        if (delivery.status() == DeliveryStatus.IN_PROGRESS) {
            throw ApiException.conflict("delivery " + Quote.of(delivery.id())
                    + " has an attempt in flight right now; retry it once that attempt is answered");
        }
        receiving(delivery);
        Json.write(ctx, 202, Views.delivery(engine.attemptNow(delivery.id()), store));
    }

    /**
     * {@code POST /__admin/deliveries/{id}/deliver-next}: the delivery's next scheduled attempt, now,
     * by hand instead of at its instant; 409 unless a retry is scheduled.
     */
    void deliverNext(Context ctx) {
        Delivery delivery = find(ctx.pathParam("id"));
        if (delivery.status() != DeliveryStatus.RETRYING || delivery.nextAttemptAt() == null) {
            throw ApiException.conflict("delivery " + Quote.of(delivery.id()) + " is "
                    + delivery.status().name().toLowerCase(Locale.ROOT)
                    + ", with no attempt scheduled; POST /__admin/deliveries/" + delivery.id() + "/retry sends one more now");
        }
        receiving(delivery);
        Json.write(ctx, 202, Views.delivery(engine.deliverNextNow(delivery.id()), store));
    }

    /**
     * {@code POST /__admin/deliveries/retry-failed} {@code {"profile","organizationId","endpointId"}}: an
     * extra attempt now of every failed or exhausted delivery in that scope whose endpoint takes it.
     */
    void retryFailed(Context ctx) {
        Body body = Body.readOptional(ctx, List.of("profile", "organizationId", "endpointId"));
        String profile = body.text("profile");
        if (profile != null) {
            Scope.profile(profile, "profile");
        }
        String organizationId = body.text("organizationId");
        String endpointId = body.text("endpointId");
        List<Delivery> failed = store.deliveries().stream()
                .filter(d -> d.status() == DeliveryStatus.FAILED || d.status() == DeliveryStatus.EXHAUSTED)
                .filter(d -> profile == null || d.profile().equals(profile))
                .filter(d -> organizationId == null || d.organizationId().equals(organizationId))
                .filter(d -> endpointId == null || d.endpointId().equals(endpointId))
                .filter(d -> store.endpoint(d.endpointId()).filter(e -> e.enabled()).isPresent())
                .toList();
        ObjectNode answer = Json.object();
        ArrayNode ids = answer.putArray("deliveries");
        failed.forEach(d -> ids.add(engine.attemptNow(d.id()).id()));
        Json.write(ctx, 202, answer.put("total", failed.size()));
    }

    /** Refuses an attempt by hand that the endpoint cannot take, in words that say what to do. */
    private void receiving(Delivery delivery) {
        var endpoint = store.endpoint(delivery.endpointId());
        if (endpoint.isEmpty()) {
            throw ApiException.conflict("delivery " + Quote.of(delivery.id()) + " went to endpoint "
                    + Quote.of(delivery.endpointId()) + ", which was deleted; nothing can be sent to it");
        }
        if (!endpoint.get().enabled()) {
            throw ApiException.conflict("endpoint " + Quote.of(delivery.endpointId())
                    + " is disabled; enable it (PATCH /__admin/endpoints/" + delivery.endpointId()
                    + " {\"enabled\":true}) to send to it");
        }
    }

    /**
     * {@code GET /__admin/deliveries/await?count=&profile=&organizationId=&endpointId=&eventId=&status=&timeoutMs=}:
     * blocks until at least {@code count} deliveries match, then answers them, oldest first; 408 when
     * they do not within the timeout.
     */
    void await(Context ctx) {
        if (Params.text(ctx, "count") == null) {
            throw ApiException.invalid("count", "count is required: how many matching deliveries to wait for");
        }
        int count = Params.integer(ctx, "count", 1, 1, 1000);
        Predicate<Delivery> matching = filter(ctx);
        int timeoutMs = Params.integer(ctx, "timeoutMs", 10_000, 0, MAX_AWAIT_MILLIS);
        List<Delivery> found;
        try {
            found = engine.awaitDeliveries(matching, count, Duration.ofMillis(timeoutMs));
        } catch (TimeoutException e) {
            throw new ApiException(408, "timeout", null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(408, "timeout", null, "the wait was interrupted (the server is stopping)");
        }
        Json.write(ctx, 200, list(found, found.size()));
    }

    private ObjectNode list(List<Delivery> deliveries, int total) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("deliveries");
        deliveries.forEach(d -> items.add(Views.delivery(d, store)));
        return body.put("total", total);
    }

    /** The filters shared by the list and the wait, each checked. */
    private static Predicate<Delivery> filter(Context ctx) {
        String profile = Params.text(ctx, "profile");
        if (profile != null) {
            Scope.profile(profile, "profile");
        }
        String organizationId = Params.text(ctx, "organizationId");
        String endpointId = Params.text(ctx, "endpointId");
        String eventId = Params.text(ctx, "eventId");
        String status = Params.oneOf(ctx, "status", STATUSES);
        return d -> (profile == null || d.profile().equals(profile))
                && (organizationId == null || d.organizationId().equals(organizationId))
                && (endpointId == null || d.endpointId().equals(endpointId))
                && (eventId == null || d.eventId().equals(eventId))
                && (status == null || d.status().name().toLowerCase(Locale.ROOT).equals(status));
    }

    private Delivery find(String id) {
        return store.delivery(id).orElseThrow(() -> ApiException.notFound("no delivery " + Quote.of(id) + ""));
    }
}
