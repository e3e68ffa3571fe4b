package dev.hookcheck.mock.internal.store;

import dev.hookcheck.core.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything the mock server holds, in memory. Reads run in parallel; writes are exclusive, and
 * {@link #atomically} groups a check and a write (for example a per-organization limit) so that a
 * refused write changes nothing.
 */
public final class Store {
    private static final Duration USER_ACTION_MEMORY = Duration.ofHours(1);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;

    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    /** api key → profile → organization id */
    private final Map<String, Map<String, String>> apiKeys = new LinkedHashMap<>();
    /** In the order added, so that {@link #addAll} adds them here in that order too. */
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, EventIndex> eventsByOrganization = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, EndpointVerification> verifications = new HashMap<>();
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private final Map<String, List<String>> deliveriesByEvent = new HashMap<>();
    private final Map<String, List<String>> deliveriesByEndpoint = new HashMap<>();
    private final Map<String, AttemptRecord> attempts = new HashMap<>();
    private final Map<String, List<AttemptRecord>> attemptsByDelivery = new HashMap<>();
    private final Map<String, List<AttemptRecord>> attemptsByEndpoint = new HashMap<>();
    /** Every attempt's id in the order recorded: what a test takes one after the other. */
    private final List<String> attemptLog = new ArrayList<>();
    private final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final Map<String, UserActionChallenge> userActionChallenges = new HashMap<>();
    private final Map<String, UserActionToken> userActionTokens = new HashMap<>();
    private Instant lastUserActionSweep;

    public Store(Clock clock) {
        this.clock = clock;
    }

    /** The server's clock: timestamps, schedules and retention all read it. */
    public Clock clock() {
        return clock;
    }

    /** Runs {@code action} holding the write lock, so checks and writes inside it are one step. */
    public <T> T atomically(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable action) {
        atomically(() -> {
            action.run();
            return null;
        });
    }

    /** Forgets everything. */
    public void clear() {
        write(() -> {
            organizations.clear();
            apiKeys.clear();
            events.clear();
            eventsByOrganization.clear();
            endpoints.clear();
            verifications.clear();
            deliveries.clear();
            deliveriesByEvent.clear();
            deliveriesByEndpoint.clear();
            attempts.clear();
            attemptsByDelivery.clear();
            attemptsByEndpoint.clear();
            attemptLog.clear();
            credentials.clear();
            userActionChallenges.clear();
            userActionTokens.clear();
        });
    }

    /**
     * Adds everything {@code other} holds, map by map in the order {@code other} recorded it, as if its
     * writes had been made here, in one step: what a history built apart (in parallel) becomes when it is
     * merged in turn.
     */
    public void addAll(Store other) {
        other.read(() -> atomically(() -> {
            organizations.putAll(other.organizations);
            other.apiKeys.forEach((key, byProfile) -> apiKeys.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(byProfile));
            credentials.putAll(other.credentials);
            endpoints.putAll(other.endpoints);
            verifications.putAll(other.verifications);
            other.events.values().forEach(this::addEvent);
            other.deliveries.values().forEach(this::putDelivery);
            other.attemptLog.forEach(id -> addAttempt(other.attempts.get(id)));
            return null;
        }));
    }

    // organizations and keys

    public void addOrganization(Organization organization) {
        write(() -> organizations.put(organization.id(), organization));
    }

    public Optional<Organization> organization(String id) {
        return read(() -> Optional.ofNullable(organizations.get(id)));
    }

    public List<Organization> organizations(String profile) {
        return read(() -> organizations.values().stream().filter(o -> o.profile().equals(profile)).toList());
    }

    public void addApiKey(String key, String profile, String organizationId) {
        write(() -> apiKeys.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(profile, organizationId));
    }

    /** The organization a key opens for a profile; empty for an unknown key or one of another profile. */
    public Optional<String> organizationOfKey(String key, String profile) {
        return read(() -> Optional.ofNullable(apiKeys.getOrDefault(key, Map.of()).get(profile)));
    }

    /** Every key with the organization it opens per profile. */
    public Map<String, Map<String, String>> apiKeys() {
        return read(() -> {
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            apiKeys.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return copy;
        });
    }

    // key credentials and user actions

    /** Adds a credential; false (and nothing changed) when its id is taken. */
    public boolean addCredential(Credential credential) {
        return atomically(() -> credentials.putIfAbsent(credential.id(), credential) == null);
    }

    public Optional<Credential> credential(String id) {
        return read(() -> Optional.ofNullable(credentials.get(id)));
    }

    /** Every credential, oldest first. */
    public List<Credential> credentials() {
        return read(() -> List.copyOf(credentials.values()));
    }

    /** An organization's credentials, oldest first. */
    public List<Credential> credentials(String organizationId) {
        return read(() -> credentials.values().stream().filter(c -> c.organizationId().equals(organizationId)).toList());
    }

    public boolean deleteCredential(String id) {
        return atomically(() -> credentials.remove(id) != null);
    }

    /** Begins a user-action session; sessions and tokens long past their expiry are forgotten on the way. */
    public void addUserActionChallenge(UserActionChallenge challenge) {
        write(() -> {
            forgetExpiredUserActions();
            userActionChallenges.put(challenge.id(), challenge);
        });
    }

    /** The organization's session, removed: a challenge is answered once. Another organization's stays. */
    public Optional<UserActionChallenge> takeUserActionChallenge(String id, String organizationId) {
        return atomically(() -> {
            UserActionChallenge challenge = userActionChallenges.get(id);
            if (challenge == null || !challenge.organizationId().equals(organizationId)) {
                return Optional.empty();
            }
            userActionChallenges.remove(id);
            return Optional.of(challenge);
        });
    }

    /** Adds or replaces (once used) a user-action token. */
    public void putUserActionToken(UserActionToken token) {
        write(() -> {
            forgetExpiredUserActions();
            userActionTokens.put(token.token(), token);
        });
    }

    public Optional<UserActionToken> userActionToken(String token) {
        return read(() -> Optional.ofNullable(userActionTokens.get(token)));
    }

    /**
     * An hour after expiry a session or token is forgotten; until then a late use is told "expired",
     * not "unknown". Swept at most once a minute, so that many changes in a row stay cheap.
     */
    private void forgetExpiredUserActions() {
        Instant now = clock.instant();
        if (lastUserActionSweep != null && now.isBefore(lastUserActionSweep.plusSeconds(60))) {
            return;
        }
        lastUserActionSweep = now;
        Instant forgetBefore = now.minus(USER_ACTION_MEMORY);
        userActionChallenges.values().removeIf(c -> c.expiresAt().isBefore(forgetBefore));
        userActionTokens.values().removeIf(t -> t.expiresAt().isBefore(forgetBefore));
    }

    // events

    public void addEvent(Event event) {
        write(() -> {
            if (events.putIfAbsent(event.id(), event) != null) {
                throw new IllegalArgumentException("event " + event.id() + " exists already");
            }
            eventsByOrganization.computeIfAbsent(event.organizationId(), k -> new EventIndex()).add(event);
        });
    }

    public Optional<Event> event(String id) {
        return read(() -> Optional.ofNullable(events.get(id)));
    }

    /** An organization's events matching the filter, newest first. */
    public Page<Event> events(String organizationId, EventFilter filter, int offset, int limit) {
        return read(() -> {
            EventIndex index = eventsByOrganization.get(organizationId);
            return index == null ? new Page<>(List.of(), 0) : index.query(filter, offset, limit);
        });
    }

    public int eventCount() {
        return read(events::size);
    }

    // endpoints

    public void putEndpoint(Endpoint endpoint) {
        write(() -> endpoints.put(endpoint.id(), endpoint));
    }

    /** Records the latest handshake with an endpoint. */
    public void putVerification(String endpointId, EndpointVerification verification) {
        write(() -> verifications.put(endpointId, verification));
    }

    /** The latest handshake with an endpoint, if its provider has one and it was made. */
    public Optional<EndpointVerification> verification(String endpointId) {
        return read(() -> Optional.ofNullable(verifications.get(endpointId)));
    }

    public Optional<Endpoint> endpoint(String id) {
        return read(() -> Optional.ofNullable(endpoints.get(id)));
    }

    /** An organization's endpoints, oldest first. */
    public List<Endpoint> endpoints(String organizationId) {
        return read(() -> endpoints.values().stream().filter(e -> e.organizationId().equals(organizationId)).toList());
    }

    /** Every endpoint of a profile, oldest first. */
    public List<Endpoint> endpointsOfProfile(String profile) {
        return read(() -> endpoints.values().stream().filter(e -> e.profile().equals(profile)).toList());
    }

    /** Replaces an endpoint with {@code change(endpoint)}; empty if there is none. */
    public Optional<Endpoint> updateEndpoint(String id, UnaryOperator<Endpoint> change) {
        return atomically(() -> {
            Endpoint current = endpoints.get(id);
            if (current == null) {
                return Optional.empty();
            }
            Endpoint next = change.apply(current);
            endpoints.put(id, next);
            return Optional.of(next);
        });
    }

    public boolean deleteEndpoint(String id) {
        return atomically(() -> endpoints.remove(id) != null);
    }

    // deliveries

    public void putDelivery(Delivery delivery) {
        write(() -> {
            if (deliveries.put(delivery.id(), delivery) == null) {
                deliveriesByEvent.computeIfAbsent(delivery.eventId(), k -> new ArrayList<>(1)).add(delivery.id());
                deliveriesByEndpoint.computeIfAbsent(delivery.endpointId(), k -> new ArrayList<>()).add(delivery.id());
            }
        });
    }

    public Optional<Delivery> delivery(String id) {
        return read(() -> Optional.ofNullable(deliveries.get(id)));
    }

    public Optional<Delivery> updateDelivery(String id, UnaryOperator<Delivery> change) {
        return atomically(() -> {
            Delivery current = deliveries.get(id);
            if (current == null) {
                return Optional.empty();
            }
            Delivery next = change.apply(current);
            deliveries.put(id, next);
            return Optional.of(next);
        });
    }

    /** An event's deliveries, oldest first. */
    public List<Delivery> deliveriesOfEvent(String eventId) {
        return read(() -> deliveriesByEvent.getOrDefault(eventId, List.of()).stream().map(deliveries::get).toList());
    }

    /** An endpoint's deliveries, oldest first. */
    public List<Delivery> deliveriesOfEndpoint(String endpointId) {
        return read(() -> deliveriesByEndpoint.getOrDefault(endpointId, List.of()).stream().map(deliveries::get).toList());
    }

    /** Every delivery, oldest first. */
    public List<Delivery> deliveries() {
        return read(() -> List.copyOf(deliveries.values()));
    }

    // attempts

    public void addAttempt(AttemptRecord attempt) {
        write(() -> {
            if (attempts.putIfAbsent(attempt.id(), attempt) != null) {
                throw new IllegalArgumentException("attempt " + attempt.id() + " exists already");
            }
            attemptsByDelivery.computeIfAbsent(attempt.deliveryId(), k -> new ArrayList<>(1)).add(attempt);
            attemptsByEndpoint.computeIfAbsent(attempt.endpointId(), k -> new ArrayList<>()).add(attempt);
            attemptLog.add(attempt.id());
        });
    }

    /** The attempts recorded after the first {@code from}, in the order recorded (as they are now). */
    public List<AttemptRecord> attemptsFrom(int from) {
        return read(() -> attemptLog.subList(Math.min(from, attemptLog.size()), attemptLog.size()).stream()
                .map(attempts::get).toList());
    }

    /** Replaces a recorded attempt (for example when its next attempt gets scheduled). */
    public void replaceAttempt(AttemptRecord attempt) {
        write(() -> {
            AttemptRecord old = attempts.replace(attempt.id(), attempt);
            if (old == null) {
                throw new IllegalArgumentException("no attempt " + attempt.id());
            }
            replaceIn(attemptsByDelivery.get(attempt.deliveryId()), old, attempt);
            replaceIn(attemptsByEndpoint.get(attempt.endpointId()), old, attempt);
        });
    }

    private static void replaceIn(List<AttemptRecord> list, AttemptRecord old, AttemptRecord next) {
        list.set(list.indexOf(old), next);
    }

    public Optional<AttemptRecord> attempt(String id) {
        return read(() -> Optional.ofNullable(attempts.get(id)));
    }

    /** A delivery's attempts, first first. */
    public List<AttemptRecord> attemptsOfDelivery(String deliveryId) {
        return read(() -> List.copyOf(attemptsByDelivery.getOrDefault(deliveryId, List.of())));
    }

    /** An endpoint's attempts, newest first (by send time). */
    public List<AttemptRecord> attemptsOfEndpoint(String endpointId) {
        return read(() -> attemptsByEndpoint.getOrDefault(endpointId, List.of()).stream()
                .sorted(Comparator.comparing(AttemptRecord::sentAt).thenComparing(AttemptRecord::id).reversed())
                .toList());
    }
}
