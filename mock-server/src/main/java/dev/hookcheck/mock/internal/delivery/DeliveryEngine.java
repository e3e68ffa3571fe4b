package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.delivery.Attempts.Trigger;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Delivers events as the provider would: one delivery per matching endpoint, each attempt signed
 * and POSTed for real, judged by the profile's success rule, retried on the profile's schedule (with
 * jitter from a random seeded per delivery) on the server's clock, until delivered or exhausted.
 * The work is split by responsibility: {@link FanOut} makes the deliveries of an event (bursts,
 * reorder windows), {@link Admission} decides who may send to an endpoint now, {@link Attempts} makes
 * one attempt, {@link RetryDecision} (a pure function) says what follows it, {@link Recorder} writes
 * it down and wakes whoever waits; {@link Scheduler} runs everything at its instant of the server's
 * clock. This class wires them together and is what the rest of the server calls.
 *
 * <p>Failure injection ({@link FailureRules}, or any {@link FailureInjection}) acts at three points:
 * a new event may become a burst of events, a new delivery may be held in a reorder window, and
 * each attempt may be delayed, dropped, duplicated, its success lost, or sent as an attack. Every
 * attempt altered on purpose carries a label in {@link AttemptRecord#injected()}.
 *
 * <p>Bounded: at most {@code maxConcurrentDeliveries} attempts in flight, at most
 * {@code maxConcurrentPerEndpoint} per endpoint (the rest wait in line, not on a thread), every
 * exchange bounded by its timeout and every answer by {@link HttpSender#MAX_BODY}; first attempts,
 * retries and attempts that fell due in a jump of the clock all go through the same limits, on the
 * engine's own threads, never on the caller's. Copies sent by a {@code duplicate} rule ride along
 * with their attempt, outside the per-endpoint limit.
 *
 * <p>A jump of the clock ({@link #advance}) returns at once; what fell due in it is caught up
 * (see {@link Scheduler}): each attempt at the instant it fell due and, per endpoint, alone and in
 * the order they fell due (after what already ran or waited there), as they would have been made
 * had the time passed. Other endpoints are not held up by it.
 */
public final class DeliveryEngine implements Deliveries, AutoCloseable {
    private final MockServerConfig config;
    private final Store store;
    /** The server's one seeded random, for the ids and secrets made at run time. */
    private final Random random;
    private final HttpSender http = new HttpSender();
    private final ExecutorService workers;
    private final Scheduler scheduler;
    private final Admission admission;
    private final Recorder recorder;
    private final FanOut fanOut;
    private final Attempts attempts;
    private final FailureRules failureRules;
    private volatile FailureInjection injection;

    public DeliveryEngine(MockServerConfig config, Store store, Random random) {
        this.config = config;
        this.store = store;
        this.random = random;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.maxConcurrentDeliveries(), r -> {
            Thread t = new Thread(r, "hookcheck-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.admission = new Admission(config.maxConcurrentPerEndpoint(), workers);
        this.scheduler = new Scheduler(store.clock(), workers, new Scheduler.Work() {
            @Override
            public void begin() {
                admission.begun();
            }

            @Override
            public void end() {
                admission.done();
            }
        });
        this.recorder = new Recorder(store);
        this.failureRules = new FailureRules(config.failureRules());
        this.injection = failureRules;
        this.fanOut = new FanOut(store, random, recorder, () -> injection, this::scheduleAttempt, scheduler);
        failureRules.onWithdrawn(fanOut::withdraw);
        this.attempts = new Attempts(store, config.seed(), random, http, recorder, () -> injection, fanOut,
                new Attempts.Followers() {
                    @Override
                    public void attemptAt(String deliveryId, Instant at) {
                        scheduleAttempt(deliveryId, at);
                    }

                    @Override
                    public void retryAt(String deliveryId, Instant at) {
                        scheduleRetry(deliveryId, at);
                    }
                });
    }

    /**
     * Forgets every delivery in progress, as a reset of the server does: scheduled attempts, held
     * reorder windows, labels, the endpoints' lines and failure counts, injected delays; the failure
     * rules return to the configured ones. Attempts already on the wire finish first.
     */
    public void reset() {
        scheduler.clear();
        fanOut.clear();
        admission.clear();
        attempts.clear();
        failureRules.reset();
        injection = failureRules;
    }

    /** The failure rules in force (from the configuration and the admin API). */
    public FailureRules failureRules() {
        return failureRules;
    }

    /** Replaces the failure rules by another injection; {@link FailureInjection#NONE} turns injection off. */
    public void setFailureInjection(FailureInjection value) {
        injection = value;
    }

    // ---- what the API asks for

    /** {@inheritDoc} A burst rule may first turn the event into several (stored beside it). */
    @Override
    public void fanOut(Event event) {
        fanOut.fanOut(event, now());
    }

    /**
     * Delivers a stored event to this one endpoint only (a test event aimed at one receiver), if it is
     * enabled and takes the event; burst rules do not multiply it.
     */
    public void fanOutTo(Event event, Endpoint endpoint) {
        fanOut.fanOutTo(event, endpoint, now());
    }

    /**
     * Stores these events and fans them out at once, as one burst: their attempts are labelled
     * {@code burst i of n}. Burst rules do not multiply them further.
     */
    public void burst(List<Event> events) {
        events.forEach(store::addEvent);
        fanOut.burst(events, now());
    }

    /**
     * Stores the event and fans it out when the server clock reaches its {@code createdAt} (at once
     * when that is not later than now).
     */
    public void emitAt(Event event) {
        if (event.createdAt().isAfter(now())) {
            scheduler.schedule(event.createdAt(), when -> {
                store.addEvent(event);
                fanOut.fanOut(event, when.clock().instant());
            });
        } else {
            store.addEvent(event);
            fanOut(event);
        }
    }

    @Override
    public Delivery retry(Delivery delivery) {
        Instant now = now();
        Delivery pending = recorder.update(delivery.id(), d -> d.withStatus(DeliveryStatus.PENDING, "", null, null, now))
                .orElseThrow();
        // asked for by hand (Preo's retry): recorded as manual, not counted against the schedule
        scheduler.schedule(now, when -> admit(delivery.id(), when, Trigger.RESEND));
        return pending;
    }

    /**
     * One extra attempt of the delivery now, by hand, whatever its status; it leaves the schedule as
     * it is (it is not counted against the profile's maximum). Delivered, it delivers the delivery
     * (a retry still scheduled then finds nothing to do); failed, the delivery stays as it was.
     * Touches only this delivery, never the clock.
     */
    public Delivery attemptNow(String deliveryId) {
        Delivery delivery = store.delivery(deliveryId).orElseThrow(() -> new IllegalArgumentException("no delivery " + deliveryId));
        scheduler.schedule(now(), when -> admit(deliveryId, when, Trigger.EXTRA));
        return delivery;
    }

    /**
     * The delivery's next scheduled attempt, made now by hand instead of at its instant: it counts as
     * that scheduled attempt, the one after it is scheduled from now, and the instant it was due at
     * passes without an attempt. Touches only this delivery, never the clock.
     */
    public Delivery deliverNextNow(String deliveryId) {
        Delivery delivery = store.delivery(deliveryId).orElseThrow(() -> new IllegalArgumentException("no delivery " + deliveryId));
        scheduler.schedule(now(), when -> admit(deliveryId, when, Trigger.NEXT));
        return delivery;
    }

    @Override
    public CompletableFuture<PingResult> ping(Endpoint endpoint) {
        Profile profile = Profiles.get(endpoint.profile());
        Instant now = now();
        var type = profile.events().types().get(0);
        String eventId = profile.ids().event().generate(random);
        Event event = new Event(eventId, profile.name(), endpoint.organizationId(), type.name(), type.resourceType(),
                profile.ids().resource(type.resourceType()).generate(random), now, "{\"ping\":true}");
        SignedWebhook webhook = profile.sign(event, Attempt.first("ping", endpoint.id(), eventId, now), endpoint.secrets(),
                endpoint.url());
        return http.postAsync(webhook.target(endpoint.url()), webhook.headers(), webhook.body(), endpoint.timeoutSeconds() != null
                ? Duration.ofSeconds(endpoint.timeoutSeconds()) : profile.timeout()).thenApply(response -> new PingResult(response.status(), response.error()));
    }

    /**
     * Gives the endpoint a new secret. Where the scheme carries several signatures, deliveries are
     * signed with both the new and the old secret until {@code overlap} has passed; single-signature
     * schemes sign with the new secret at once (the old one is only listed until then).
     */
    public Endpoint rotateSecret(String endpointId, Duration overlap) {
        Instant now = now();
        Endpoint rotated = store.updateEndpoint(endpointId, e -> e.withSecrets(overlap.isZero()
                ? List.of(Secrets.generate(e.profile(), random))
                : List.of(Secrets.generate(e.profile(), random), e.secret()), now))
                .orElseThrow(() -> new IllegalArgumentException("no endpoint " + endpointId));
        if (!overlap.isZero()) {
            Secret current = rotated.secret();
            scheduler.schedule(now.plus(overlap), when -> store.updateEndpoint(endpointId, e -> e.secret().equals(current)
                    ? e.withSecrets(List.of(current), when.clock().instant()) : e));
        }
        return rotated;
    }

    @Override
    public Endpoint rotateSecret(String endpointId) {
        return rotateSecret(endpointId, config.rotationOverlap());
    }

    // ---- time

    /**
     * Moves the server's clock ahead and starts every attempt that fell due on the way, each at its
     * own instant (retries they lead to that fall due within the jump too); returns at once, without
     * waiting for any receiver. {@link #awaitIdle} waits for them.
     */
    public void advance(Duration amount) {
        scheduler.advance(amount);
    }

    public void setTimeScale(double scale) {
        if (!(store.clock() instanceof VirtualClock virtual)) {
            throw new IllegalStateException("the server's clock is fixed; start the server with a VirtualClock to change its speed");
        }
        virtual.setScale(scale);
    }

    /** Attempts waiting for their instant. */
    public int scheduled() {
        return scheduler.pending();
    }

    // ---- waiting without sleeping

    /**
     * Blocks until at least {@code count} deliveries match, then returns them (oldest first).
     *
     * @throws TimeoutException when they do not within {@code timeout}
     */
    public List<Delivery> awaitDeliveries(Predicate<Delivery> matching, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        return recorder.await(matching, count, timeout);
    }

    /**
     * Waits until no attempt is running or waiting for its endpoint, and none is due: after an
     * {@link #advance}, until everything that fell due in the jump (and every retry that did) is done.
     */
    public void awaitIdle() {
        admission.awaitIdle();
    }

    // ---- attempts

    private void scheduleAttempt(String deliveryId, Instant at) {
        scheduler.schedule(at, when -> admit(deliveryId, when, Trigger.SCHEDULE));
    }

    /**
     * A retry at {@code at}, the delivery's recorded next attempt. When its instant comes it is made only
     * if the delivery still expects it: an attempt made early by hand ({@link #deliverNextNow}) has moved
     * the delivery's next attempt on (or ended it), so the overtaken instant passes without an attempt.
     */
    private void scheduleRetry(String deliveryId, Instant at) {
        scheduler.schedule(at, when -> {
            if (store.delivery(deliveryId).map(Delivery::nextAttemptAt).filter(at::equals).isPresent()) {
                admit(deliveryId, when, Trigger.SCHEDULE);
            }
        });
    }

    /**
     * The attempt, through its endpoint's line; afterwards the next delivery of a released reorder
     * window goes. An attempt being caught up after a jump waits until it can run alone.
     */
    private void admit(String deliveryId, Scheduler.When when, Trigger trigger) {
        Clock clock = when.clock();
        String endpointId = store.delivery(deliveryId).map(Delivery::endpointId).orElse(null);
        if (endpointId == null) {
            fanOut.attempted(deliveryId, clock.instant());
            return;
        }
        admission.admit(endpointId, when.catchingUp(), () -> {
            try {
                attempts.attempt(deliveryId, clock, trigger);
            } finally {
                fanOut.attempted(deliveryId, clock.instant());
            }
        });
    }

    @Override
    public void close() {
        scheduler.close();
        workers.shutdownNow();
    }

    private Instant now() {
        return store.clock().instant();
    }

}
