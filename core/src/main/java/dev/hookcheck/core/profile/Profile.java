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
 * unless {@link #assumptions()} says otherwise. Get the built-ins from {@link Profiles}; each is defined
 * in one place, its provider's folder ({@code dev.hookcheck.core.internal.providers.<name>}), with
 * {@link #builder(String, String)}.
 *
 * @param name the short name used on the command line ({@code vitable})
 * @param displayName the provider's name for people
 * @param scheme how deliveries are signed and verified
 * @param secretFormat what the provider's signing secrets look like and where it shows them
 * @param secrets makes new secrets in the provider's format (the mock's endpoints, rotations)
 * @param successRule which receiver statuses count as delivered
 * @param retryPolicy when failed deliveries are tried again
 * @param circuitBreaker consecutive failed deliveries after which an endpoint stops receiving, if the
 *     provider has such a rule
 * @param timeout how long the provider waits for a receiver's answer by default
 * @param rules how it treats attempts and special answers
 * @param traits what checks and the mock ask about the provider, instead of its name
 * @param events the event catalog
 * @param ids the id formats
 * @param payloads builds the delivered body
 * @param examples makes realistic {@code data} for the catalog's events
 * @param lifecycle the event sequences a resource goes through (the mock's seeded history)
 * @param idempotencyKey where a receiver finds the value to deduplicate on, for people
 * @param fields where a receiver finds the key, the event type and the signed timestamp, for code
 * @param seededEndpoints the endpoints the mock's sandbox starts with
 * @param assumptions the facts the kit had to assume because the provider does not publish them
 * @param position where the profile is listed: lower first ({@code standard} is 0)
 */
public record Profile(
        String name,
        String displayName,
        SignatureScheme scheme,
        SecretFormat secretFormat,
        SecretGenerator secrets,
        SuccessRule successRule,
        RetryPolicy retryPolicy,
        OptionalInt circuitBreaker,
        Duration timeout,
        DeliveryRules rules,
        Traits traits,
        EventCatalog events,
        Ids ids,
        PayloadBuilder payloads,
        ExampleData examples,
        Lifecycle lifecycle,
        String idempotencyKey,
        Fields fields,
        List<SeededEndpoint> seededEndpoints,
        List<String> assumptions,
        int position) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(secretFormat, "secretFormat");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(successRule, "successRule");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(payloads, "payloads");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(fields, "fields");
        seededEndpoints = List.copyOf(seededEndpoints);
        assumptions = List.copyOf(assumptions);
    }

    /** A profile to define: name and display name now, the rest with the builder's methods. */
    public static Builder builder(String name, String displayName) {
        return new Builder(name, displayName);
    }

    /** Defines a {@link Profile}; every part without a default must be set before {@link #build()}. */
    public static final class Builder {
        private final String name;
        private final String displayName;
        private SignatureScheme scheme;
        private SecretFormat secretFormat;
        private SecretGenerator secrets;
        private SuccessRule successRule = SuccessRule.ANY_2XX;
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private OptionalInt circuitBreaker = OptionalInt.empty();
        private Duration timeout = Duration.ofSeconds(10);
        private DeliveryRules rules = DeliveryRules.PLAIN;
        private Traits traits = Traits.NONE;
        private EventCatalog events;
        private Ids ids;
        private PayloadBuilder payloads;
        private ExampleData examples;
        private Lifecycle lifecycle;
        private String idempotencyKey;
        private Fields fields;
        private List<SeededEndpoint> seededEndpoints;
        private List<String> assumptions = List.of();
        private int position = 100;

        private Builder(String name, String displayName) {
            this.name = name;
            this.displayName = displayName;
        }

        /** How deliveries are signed, and what its secrets look like and how new ones are made. */
        public Builder signing(SignatureScheme value, SecretFormat format, SecretGenerator generator) {
            this.scheme = value;
            this.secretFormat = format;
            this.secrets = generator;
            return this;
        }

        /** Which answers count as delivered; default any 2xx. */
        public Builder success(SuccessRule value) {
            this.successRule = value;
            return this;
        }

        /** The retry schedule; default none. */
        public Builder retries(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        public Builder circuitBreaker(int failedDeliveries) {
            this.circuitBreaker = OptionalInt.of(failedDeliveries);
            return this;
        }

        /** How long the provider waits for an answer; default 10 s. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Rules around each attempt; default {@link DeliveryRules#PLAIN}. */
        public Builder rules(DeliveryRules value) {
            this.rules = value;
            return this;
        }

        /** What checks ask about the provider; default {@link Traits#NONE}. */
        public Builder traits(Traits value) {
            this.traits = value;
            return this;
        }

        /** The catalog, how ids look, the delivered body, example data and the resources' lifecycles. */
        public Builder catalog(EventCatalog catalog, Ids idFormats, PayloadBuilder body, ExampleData data,
                Lifecycle stories) {
            this.events = catalog;
            this.ids = idFormats;
            this.payloads = body;
            this.examples = data;
            this.lifecycle = stories;
            return this;
        }

        /** Where a receiver finds the key to deduplicate on, for people. */
        public Builder idempotencyKey(String value) {
            this.idempotencyKey = value;
            return this;
        }

        /** Where a receiver finds the key to deduplicate on, the event type and the signed timestamp. */
        public Builder fields(Field key, Field type, Field timestamp) {
            this.fields = new Fields(key, type, timestamp);
            return this;
        }

        /** The endpoints the mock's sandbox starts with; default {@link SeededEndpoint#defaults}. */
        public Builder seededEndpoints(SeededEndpoint... values) {
            this.seededEndpoints = List.of(values);
            return this;
        }

        /** The facts assumed because the provider does not publish them. */
        public Builder assumptions(String... values) {
            this.assumptions = List.of(values);
            return this;
        }

        /** Where the profile is listed, lower first; default 100 (after the kit's first providers). */
        public Builder position(int value) {
            this.position = value;
            return this;
        }

        public Profile build() {
            return new Profile(name, displayName, scheme, secretFormat, secrets, successRule, retryPolicy, circuitBreaker,
                    timeout, rules, traits, events, ids, payloads, examples, lifecycle, idempotencyKey, fields,
                    seededEndpoints == null ? SeededEndpoint.defaults(name) : seededEndpoints, assumptions, position);
        }
    }

    public Tolerance tolerance() {
        return scheme.defaultTolerance();
    }

    /** The body and headers of one attempt, signed with the given secrets (newest first). */
    public SignedWebhook sign(Event event, Attempt attempt, List<Secret> secrets) {
        Payload payload = payloads.build(event, attempt);
        byte[] body = scheme.signedBody(secrets, payload.signingId(), Long.toString(payload.timestamp()), payload.body());
        Map<String, String> headers = new LinkedHashMap<>(payload.headers());
        headers.putAll(scheme.sign(secrets, payload.signingId(), payload.timestamp(), body));
        return new SignedWebhook(body, headers, payload.idempotencyKey());
    }

    /**
     * The same for a delivery to {@code url} (the endpoint's URL): signed for the URL the scheme sends to
     * ({@link SignatureScheme#deliveryUrl}), which the result carries.
     */
    public SignedWebhook sign(Event event, Attempt attempt, List<Secret> secrets, String url) {
        Payload payload = payloads.build(event, attempt);
        byte[] body = scheme.signedBody(secrets, payload.signingId(), Long.toString(payload.timestamp()), payload.body());
        String target = scheme.deliveryUrl(url, body);
        Map<String, String> headers = new LinkedHashMap<>(payload.headers());
        headers.putAll(scheme.sign(secrets, payload.signingId(), payload.timestamp(), body, target));
        return new SignedWebhook(body, headers, payload.idempotencyKey(), target);
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

    /** Whether the scheme signs a timestamp that a replay window can be judged by (GitHub's signs none). */
    public boolean signsTimestamp() {
        return tolerance().direction() != Tolerance.Direction.NONE;
    }

    /**
     * Whether a receiver finds the idempotency key in the body (Vitable's {@code event_id}, Stripe's
     * {@code id}) rather than in a header (Standard Webhooks' {@code webhook-id}, GitHub's
     * {@code X-GitHub-Delivery}). Only where it is not can two distinct events have identical bodies.
     */
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
        return new Profile(name, displayName, other, format, secrets, successRule, retryPolicy, circuitBreaker, timeout,
                rules, traits, events, ids, payloads, examples, lifecycle, idempotencyKey, fields, seededEndpoints, assumptions,
                position);
    }

    /** Same profile, other traits (a receiver's own variant of a provider, a test's). */
    public Profile withTraits(Traits other) {
        return new Profile(name, displayName, scheme, secretFormat, secrets, successRule, retryPolicy, circuitBreaker,
                timeout, rules, other, events, ids, payloads, examples, lifecycle, idempotencyKey, fields, seededEndpoints, assumptions,
                position);
    }

    /** A new signing secret in the provider's format. */
    public Secret newSecret(RandomGenerator random) {
        return Secret.of(secrets.generate(random));
    }

    @Override
    public String toString() {
        return "Profile[" + name + "]";
    }
}
