package dev.hookcheck.core.profile;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.Tolerance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Everything the kit knows about one webhook provider. Facts come from the provider's documentation
 * unless {@link #assumptions()} says otherwise. Get the built-ins from {@link Profiles}.
 *
 * @param name the short name used on the command line ({@code vitable})
 * @param displayName the provider's name for people
 * @param scheme how deliveries are signed and verified
 * @param secretFormat what the provider's signing secrets look like and where it shows them
 * @param successRule which receiver statuses count as delivered
 * @param retryPolicy when failed deliveries are tried again
 * @param circuitBreaker consecutive failed deliveries after which an endpoint stops receiving, if the
 *     provider has such a rule
 * @param timeout how long the provider waits for a receiver's answer by default
 * @param rules how it treats attempts and special answers
 * @param events the event catalog
 * @param ids the id formats
 * @param payloads builds the delivered body
 * @param examples makes realistic {@code data} for the catalog's events
 * @param idempotencyKey where a receiver finds the value to deduplicate on, for people
 * @param assumptions the facts the kit had to assume because the provider does not publish them
 */
public record Profile(
        String name,
        String displayName,
        SignatureScheme scheme,
        SecretFormat secretFormat,
        SuccessRule successRule,
        RetryPolicy retryPolicy,
        OptionalInt circuitBreaker,
        Duration timeout,
        DeliveryRules rules,
        EventCatalog events,
        Ids ids,
        PayloadBuilder payloads,
        ExampleData examples,
        String idempotencyKey,
        List<String> assumptions) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(secretFormat, "secretFormat");
        Objects.requireNonNull(successRule, "successRule");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(payloads, "payloads");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        assumptions = List.copyOf(assumptions);
    }

    public Tolerance tolerance() {
        return scheme.defaultTolerance();
    }

    /** The body and headers of one attempt, signed with the given secrets (newest first). */
    public SignedWebhook sign(Event event, Attempt attempt, List<Secret> secrets) {
        Payload payload = payloads.build(event, attempt);
        Map<String, String> headers = new LinkedHashMap<>(payload.headers());
        headers.putAll(scheme.sign(secrets, payload.signingId(), payload.timestamp(), payload.body()));
        return new SignedWebhook(payload.body(), headers, payload.idempotencyKey());
    }

    /**
     * A new event of this type with realistic data, as the provider would create it: a fresh event
     * id, a fresh resource id of the type's resource, created at {@code at}.
     */
    public Event exampleEvent(EventType type, String organizationId, Instant at, RandomGenerator random) {
        String resourceId = ids.resource(type.resourceType()).generate(random);
        return exampleEvent(type, organizationId, resourceId, at, random);
    }

    /** The same, about an existing resource. */
    public Event exampleEvent(EventType type, String organizationId, String resourceId, Instant at,
            RandomGenerator random) {
        return new Event(ids.event().generate(random), name, organizationId, type.name(), type.resourceType(),
                resourceId, at, examples.of(this, type.name(), type.resourceType(), resourceId, at, random));
    }

    /**
     * Whether a receiver finds the idempotency key in the body (Vitable's {@code event_id}, Stripe's
     * {@code id}) rather than in a header (Standard Webhooks' {@code webhook-id}, GitHub's
     * {@code X-GitHub-Delivery}). Only where it is not can two distinct events have identical bodies.
     */
    /** Whether the scheme signs a timestamp that a replay window can be judged by (GitHub's signs none). */
    public boolean signsTimestamp() {
        return tolerance().direction() != Tolerance.Direction.NONE;
    }

    public boolean idempotencyKeyInBody() {
        SplittableRandom random = new SplittableRandom(1);
        EventType type = events.types().get(0);
        Event event = exampleEvent(type, ids.organization().generate(random), Instant.EPOCH, random);
        Attempt attempt = Attempt.first(ids.delivery().generate(random), ids.endpoint().generate(random),
                ids.event().generate(random), Instant.EPOCH);
        Payload payload = payloads.build(event, attempt);
        return payload.bodyText().contains(payload.idempotencyKey());
    }

    /**
     * Same profile, another signature scheme (for example a declarative one for an unpublished format);
     * a declarative scheme brings the secret format its key format accepts.
     */
    public Profile withScheme(SignatureScheme other) {
        SecretFormat format = other.spec().map(spec -> SecretFormat.of(spec.key(), secretFormat.whereToFind()))
                .orElse(secretFormat);
        return new Profile(name, displayName, other, format, successRule, retryPolicy, circuitBreaker, timeout, rules, events, ids,
                payloads, examples, idempotencyKey, assumptions);
    }

    @Override
    public String toString() {
        return "Profile[" + name + "]";
    }
}
