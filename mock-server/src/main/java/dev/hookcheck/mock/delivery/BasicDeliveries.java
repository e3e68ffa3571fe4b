package dev.hookcheck.mock.delivery;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.ServerContext;
import dev.hookcheck.mock.store.Delivery;
import dev.hookcheck.mock.store.DeliveryStatus;
import dev.hookcheck.mock.store.Endpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * Fan-out and manual retry as store changes, and a one-shot signed ping. Scheduled sending and
 * retries arrive with the delivery engine.
 */
public final class BasicDeliveries implements Deliveries {
    private final ServerContext context;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public BasicDeliveries(ServerContext context) {
        this.context = context;
    }

    @Override
    public void fanOut(Event event) {
        Profile profile = Profiles.get(event.profile());
        Instant now = context.now();
        for (Endpoint endpoint : context.store().endpoints(event.organizationId())) {
            if (endpoint.enabled() && endpoint.receives(event.type())) {
                context.store().putDelivery(Delivery.pending(profile.ids().delivery().generate(context.random()),
                        profile.name(), event.organizationId(), event.id(), endpoint.id(), now));
            }
        }
    }

    @Override
    public Delivery retry(Delivery delivery) {
        Instant now = context.now();
        return context.store().updateDelivery(delivery.id(), d -> new Delivery(d.id(), d.profile(), d.organizationId(),
                d.eventId(), d.endpointId(), DeliveryStatus.PENDING, d.attempts(), d.createdAt(), d.startedAt(), null,
                null, "", d.lastAttemptAt(), now, d.responseStatus(), d.signature())).orElseThrow();
    }

    @Override
    public PingResult ping(Endpoint endpoint) {
        Profile profile = Profiles.get(endpoint.profile());
        Instant now = context.now();
        var type = profile.events().types().get(0);
        String eventId = profile.ids().event().generate(context.random());
        Event event = new Event(eventId, profile.name(), endpoint.organizationId(), type.name(), type.resourceType(),
                profile.ids().resource(type.resourceType()).generate(context.random()), now, "{\"ping\":true}");
        SignedWebhook webhook = profile.sign(event, Attempt.first("ping", endpoint.id(), eventId, now), endpoint.secrets());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(endpoint.timeoutSeconds() != null ? Duration.ofSeconds(endpoint.timeoutSeconds()) : profile.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach(request::header);
        try {
            return new PingResult(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (HttpTimeoutException e) {
            return new PingResult(null, "timeout");
        } catch (ConnectException e) {
            return new PingResult(null, "refused");
        } catch (IOException e) {
            return new PingResult(null, "reset");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PingResult(null, "interrupted");
        }
    }
}
