package dev.hookcheck.mock.internal.seed;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Lifecycle;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.profile.SeededEndpoint;
import dev.hookcheck.core.profile.SuccessRule;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.credential.GeneratedKey;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Credential;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Fills a fresh store with a realistic history for every profile: two organizations each with an
 * API key (and, where the API signs user actions, a key credential with its private key for the
 * first), endpoints, events told as lifecycles over the last six weeks, and their deliveries with
 * every attempt (signed for real, some retried, some exhausted). The seeded endpoints point at
 * example hosts and are disabled once their history is written (see {@link ProfileSeeder#retire}).
 * The same seed
 * gives the same ids, secrets and data; each profile draws from its own random, so adding events to
 * one profile never changes another's.
 */
public final class Seeder {
    /** How far back seeded history reaches. */
    static final Duration HISTORY = Duration.ofDays(42);
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Why a seeded endpoint is disabled: its host is an example that cannot answer. */
    public static final String SEEDED_EXAMPLE = "seeded example: its host cannot answer; point it at your receiver, then enable it";

    private Seeder() {}

    /** Seeds every profile into the store, as the config asks, with {@code now} as the seeding instant. */
    public static void seed(Store store, MockServerConfig config, Instant now) {
        new Seeding(store, config, () -> now).all();
    }

    /** The seeding of one profile, in two parts: its accounts, then (built apart) its history. */
    static final class ProfileSeeder {
        private final Profile profile;
        private final RandomGenerator random;
        private final Instant now;
        private final List<Organization> organizations = new ArrayList<>();
        /** The seeded endpoints as they were while their history was made: enabled. */
        private final Map<String, List<Endpoint>> endpointsByOrganization = new HashMap<>();
        private Store store;

        ProfileSeeder(Profile profile, long seed, Instant now) {
            this.profile = profile;
            this.random = new SplittableRandom(seed * 1_000_003L + profile.name().hashCode());
            this.now = now;
        }

        /**
         * The organizations, their API keys, the signing credential and the endpoints (disabled, as they
         * are after their history), into {@code target}: few records, which every listing shows.
         */
        void accounts(Store target, MockServerConfig config) {
            this.store = target;
            for (String name : List.of("Acme", "Globex")) {
                Organization org = new Organization(profile.ids().organization().generate(random), profile.name(),
                        name + " (" + profile.displayName() + " sandbox)");
                organizations.add(org);
                store.addOrganization(org);
                store.addApiKey("hk_" + profile.name() + "_" + alnum(24), profile.name(), org.id());
            }
            config.apiKey().ifPresent(key -> store.addApiKey(key, profile.name(), organizations.get(0).id()));
            if (profile.traits().userActionSigning()) {
                signer(organizations.get(0), config.seed());
            }
            if (config.seedEndpoints()) {
                endpoints();
            }
        }

        /**
         * The events, deliveries and attempts, in a store of their own (so that profiles can be built in
         * parallel), drawing on from where {@link #accounts} left the random.
         */
        Store history(MockServerConfig config, Clock clock) {
            this.store = new Store(clock);
            List<Event> events = events(config.eventsPerProfile());
            events.sort(Comparator.comparing(Event::createdAt));
            for (Event event : events) {
                store.addEvent(event);
                for (Endpoint endpoint : endpointsByOrganization.getOrDefault(event.organizationId(), List.of())) {
                    if (endpoint.enabled() && endpoint.receives(event.type()) && endpoint.createdAt().isBefore(event.createdAt())) {
                        deliver(event, endpoint);
                    }
                }
            }
            endpointsByOrganization.values().forEach(list -> list.forEach(this::retire));
            return store;
        }

        /**
         * The seeded endpoints point at example hosts that cannot answer: after their history they are
         * disabled (as if by their owner, now; {@link #endpoints} stores them so), so a new event goes only
         * to receivers someone registered, and their deliveries still retrying fail as the engine fails them
         * for a disabled endpoint. Enable one (and point it at a receiver) to use it.
         */
        private void retire(Endpoint endpoint) {
            for (Delivery d : store.deliveriesOfEndpoint(endpoint.id())) {
                if (d.status() == DeliveryStatus.RETRYING) {
                    store.updateDelivery(d.id(), x -> new Delivery(x.id(), x.profile(), x.organizationId(), x.eventId(),
                            x.endpointId(), DeliveryStatus.FAILED, x.attempts(), x.createdAt(), x.startedAt(), null, now,
                            "endpoint_disabled", x.lastAttemptAt(), null, x.responseStatus(), x.signature()));
                }
            }
        }

        /**
         * A key credential with its private key, so that a client can sign user actions out of the box.
         * Its own random: the rest of the seeded data stays what it was without it.
         */
        private void signer(Organization org, long seed) {
            RandomGenerator keys = new SplittableRandom(seed * 1_000_003L + (profile.name() + "/credential").hashCode());
            byte[] id = new byte[16];
            keys.nextBytes(id);
            GeneratedKey pair = GeneratedKey.ed25519(keys);
            store.addCredential(new Credential(Base64.getUrlEncoder().withoutPadding().encodeToString(id), profile.name(),
                    org.id(), "Sandbox signer", pair.publicKey(), Optional.of(pair.privateKey()),
                    now.minus(HISTORY).minus(Duration.ofDays(7))));
        }

        private void endpoints() {
            Instant created = now.minus(HISTORY).minus(Duration.ofDays(7));
            for (SeededEndpoint seeded : profile.seededEndpoints()) {
                Organization org = organizations.get(seeded.organization());
                String filter = seeded.filterResource() == null ? null
                        : profile.ids().resource(seeded.filterResource()).generate(random);
                Endpoint endpoint = new Endpoint(profile.ids().endpoint().generate(random), profile.name(), org.id(),
                        seeded.url(), seeded.description(), seeded.description(), seeded.events(), true, filter, null,
                        List.of(profile.newSecret(random)), created, created, null);
                store.putEndpoint(endpoint.withEnabled(false, SEEDED_EXAMPLE, now));
                endpointsByOrganization.computeIfAbsent(org.id(), k -> new ArrayList<>()).add(endpoint);
            }
        }

        /** Lifecycles until {@code count} events exist, each starting somewhere in the seeded history. */
        private List<Event> events(int count) {
            List<Event> events = new ArrayList<>(count);
            Map<String, String> employerOf = new HashMap<>();
            while (events.size() < count) {
                Organization org = organizations.get(random.nextInt(100) < 85 ? 0 : 1);
                Instant at = now.minus(HISTORY).plusSeconds(random.nextLong(HISTORY.toSeconds() - 3600));
                Map<String, String> resources = new HashMap<>();
                for (Lifecycle.Step step : profile.lifecycle().draw(random)) {
                    if (at.isAfter(now) || events.size() == count) {
                        break;
                    }
                    EventType sent = Lifecycles.sentAt(profile, step, at);
                    String type = sent.name();
                    String resourceType = sent.resourceType();
                    String resourceId = resourceType.equals("employer")
                            ? employerOf.computeIfAbsent(org.id(), k -> profile.ids().resource("employer").generate(random))
                            : resources.computeIfAbsent(resourceType, k -> profile.ids().resource(k).generate(random));
                    events.add(new Event(profile.ids().event().generate(random), profile.name(), org.id(), type, resourceType,
                            resourceId, at, profile.examples().of(profile, type, resourceType, resourceId, at, random)));
                    at = at.plus(Lifecycles.gap(step, random));
                }
            }
            return events;
        }

        /** A delivery with every attempt it has had by now: most succeed first time, some retry, a few never do. */
        private void deliver(Event event, Endpoint endpoint) {
            int draw = random.nextInt(100);
            int failuresBeforeSuccess = draw < 85 ? 0 : draw < 95 ? 1 + random.nextInt(3) : Integer.MAX_VALUE;
            String deliveryId = profile.ids().delivery().generate(random);
            boolean attemptsAreEvents = profile.rules().attemptsAreEvents();
            Instant sentAt = event.createdAt().plusMillis(200 + random.nextInt(4000));
            Attempt attempt = attemptsAreEvents ? Attempt.first(deliveryId, endpoint.id(), profile.ids().event().generate(random), sentAt)
                    : Attempt.first(deliveryId, endpoint.id(), event.id(), sentAt);
            DeliveryStatus status;
            Instant nextAt = null;
            Integer lastStatus;
            SignedWebhook last;
            while (true) {
                boolean ok = attempt.number() > failuresBeforeSuccess;
                last = profile.sign(event, attempt, endpoint.secrets(), endpoint.url());
                lastStatus = ok ? (profile.successRule() == SuccessRule.EXACTLY_200 ? Integer.valueOf(200) : List.of(200, 200, 202, 204).get(random.nextInt(4)))
                        : random.nextInt(5) == 0 ? null : List.of(500, 502, 503, 429).get(random.nextInt(4)); // null: timed out
                Optional<Duration> delay = ok ? Optional.empty() : profile.retryPolicy().delayAfter(attempt.number(), random);
                Instant next = delay.map(attempt.sentAt()::plus).orElse(null);
                boolean dueLater = next != null && next.isAfter(now);
                String thisId = attemptsAreEvents ? attempt.attemptId() : deliveryId + "." + attempt.number();
                store.addAttempt(new AttemptRecord(thisId, deliveryId, endpoint.id(), event.id(), event.organizationId(),
                        profile.name(), attempt.number(), attempt.sentAt(),
                        attempt.previousAttemptId() == null ? null : attemptsAreEvents ? attempt.previousAttemptId() : deliveryId + "." + (attempt.number() - 1),
                        last.headers(), last.bodyText(), lastStatus,
                        lastStatus == null ? Map.of() : Map.of("Content-Type", "text/plain"),
                        lastStatus == null ? null : ok ? "ok" : "upstream unavailable", 20 + random.nextInt(400),
                        lastStatus == null ? "timeout" : null, ok, next, null));
                if (ok) {
                    status = DeliveryStatus.DELIVERED;
                    break;
                }
                if (next == null) {
                    status = DeliveryStatus.EXHAUSTED;
                    break;
                }
                if (dueLater) {
                    status = DeliveryStatus.RETRYING;
                    nextAt = next;
                    break;
                }
                attempt = attempt.next(attemptsAreEvents ? profile.ids().event().generate(random) : event.id(), next);
            }
            Instant lastAt = attempt.sentAt();
            store.putDelivery(new Delivery(deliveryId, profile.name(), event.organizationId(), event.id(), endpoint.id(), status,
                    attempt.number(), event.createdAt(), sentAt, status == DeliveryStatus.DELIVERED ? lastAt : null,
                    status == DeliveryStatus.EXHAUSTED ? lastAt : null, status == DeliveryStatus.EXHAUSTED ? "max_attempts" : "",
                    lastAt, nextAt, lastStatus, profile.scheme().signatureOf(last.headers(), last.body())));
        }

        private String alnum(int length) {
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
            return out.toString();
        }
    }
}
