package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.DeliveryRules;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.delivery.FailureInjection.Hold;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Delivers events as the provider would: one delivery per matching endpoint, each attempt signed
 * and POSTed for real, judged by the profile's success rule, retried on the profile's schedule (with
 * jitter from a random seeded per delivery) on the server's clock, until delivered or exhausted.
 * Status rules: a 3xx is a failure (never followed); where the profile says so a 410 disables the
 * endpoint and a 429/502/504 {@code Retry-After} postpones the next attempt; a circuit breaker
 * disables an endpoint after that many consecutive failed attempts; an endpoint that is disabled or
 * deleted gets no more attempts (its pending deliveries fail with {@code endpoint_disabled} or
 * {@code endpoint_deleted}).
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
    private final Map<String, Gate> gates = new HashMap<>();
    private final Map<String, AtomicInteger> consecutiveFailures = new ConcurrentHashMap<>();
    /** Attempts already held back once by an injected delay ({@code deliveryId#number}). */
    private final Map<String, Boolean> delayed = new ConcurrentHashMap<>();
    private final FailureRules failureRules;
    private final ReorderWindows windows;
    /** Labels of whole events (a burst): every attempt of their deliveries carries them. */
    private final Map<String, String> eventLabels = new ConcurrentHashMap<>();
    /** Labels of deliveries released by a reorder window: their first attempt carries them. */
    private final Map<String, String> firstAttemptLabels = new ConcurrentHashMap<>();
    /** In a released reorder window, the delivery sent once this one has had its attempt. */
    private final Map<String, String> sendAfter = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when no task or attempt runs or waits for its endpoint any more. */
    private final Condition idle = lock.newCondition();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile FailureInjection injection;
    /** Tasks handed to the workers and attempts waiting for their endpoint. Guarded by {@link #lock}. */
    private int active;

    /**
     * Attempts to one endpoint: how many run, and who waits, first come first served. An attempt
     * caught up after a jump of the clock runs alone. Guarded by {@link #lock}.
     */
    private static final class Gate {
        int running;
        boolean alone;
        final Queue<Waiting> waiting = new ArrayDeque<>();
    }

    /** An attempt waiting for its endpoint; {@code alone}: it was caught up, and runs with nothing beside it. */
    private record Waiting(Runnable attempt, boolean alone) {}

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
        this.scheduler = new Scheduler(store.clock(), workers, new Scheduler.Work() {
            @Override
            public void begin() {
                begun();
            }

            @Override
            public void end() {
                done();
            }
        });
        this.failureRules = new FailureRules(config.failureRules());
        this.injection = failureRules;
        this.windows = new ReorderWindows((after, task) -> scheduler.schedule(now().plus(after), when -> task.run()),
                this::release);
        failureRules.onWithdrawn(windows::withdraw);
    }

    /**
     * Forgets every delivery in progress, as a reset of the server does: scheduled attempts, held
     * reorder windows, labels, failure counts, injected delays; the failure rules return to the
     * configured ones. Attempts already on the wire finish first.
     */
    public void reset() {
        scheduler.clear();
        windows.clear();
        awaitIdle();
        lock.lock();
        try {
            gates.clear();
        } finally {
            lock.unlock();
        }
        consecutiveFailures.clear();
        delayed.clear();
        eventLabels.clear();
        firstAttemptLabels.clear();
        sendAfter.clear();
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
        fanOut(event, now());
    }

    /**
     * Delivers a stored event to this one endpoint only (a test event aimed at one receiver), if it is
     * enabled and takes the event; burst rules do not multiply it.
     */
    public void fanOutTo(Event event, Endpoint endpoint) {
        deliver(event, receivers(event).stream().filter(e -> e.id().equals(endpoint.id())).toList(), now());
    }

    private void fanOut(Event event, Instant now) {
        List<Endpoint> receivers = receivers(event);
        int count = eventLabels.containsKey(event.id()) ? 1 : injection.burst(event, receivers);
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
        fanOutBurst(burst, now);
    }

    /**
     * Stores these events and fans them out at once, as one burst: their attempts are labelled
     * {@code burst i of n}. Burst rules do not multiply them further.
     */
    public void burst(List<Event> events) {
        events.forEach(store::addEvent);
        fanOutBurst(events, now());
    }

    /**
     * Stores the event and fans it out when the server clock reaches its {@code createdAt} (at once
     * when that is not later than now).
     */
    public void emitAt(Event event) {
        if (event.createdAt().isAfter(now())) {
            scheduler.schedule(event.createdAt(), when -> {
                store.addEvent(event);
                fanOut(event, when.clock().instant());
            });
        } else {
            store.addEvent(event);
            fanOut(event);
        }
    }

    private void fanOutBurst(List<Event> events, Instant now) {
        for (int i = 0; i < events.size(); i++) {
            eventLabels.put(events.get(i).id(), "burst " + (i + 1) + " of " + events.size());
        }
        events.forEach(e -> deliver(e, receivers(e), now));
    }

    private List<Endpoint> receivers(Event event) {
        return store.endpoints(event.organizationId()).stream().filter(e -> e.enabled() && e.receives(event.type())).toList();
    }

    /** One pending delivery per receiver, attempted now unless a reorder window holds it. */
    private void deliver(Event event, List<Endpoint> receivers, Instant now) {
        Profile profile = Profiles.get(event.profile());
        for (Endpoint endpoint : receivers) {
            Delivery delivery = Delivery.pending(profile.ids().delivery().generate(random), profile.name(),
                    event.organizationId(), event.id(), endpoint.id(), now);
            store.putDelivery(delivery);
            signal(delivery.id());
            Hold hold = injection.hold(delivery, event, endpoint);
            if (hold == null) {
                scheduleAttempt(delivery.id(), now);
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
        scheduleAttempt(order.get(0), now());
    }

    @Override
    public Delivery retry(Delivery delivery) {
        Instant now = now();
        Delivery pending = updateDelivery(delivery.id(), d -> withStatus(d, DeliveryStatus.PENDING, "", null, null,
                now)).orElseThrow();
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

    /**
     * What makes an attempt: its instant on the schedule, or a person: an extra attempt beside the
     * schedule ({@code EXTRA}), the next scheduled one early ({@code NEXT}), or a finished delivery
     * sent again through a provider's API ({@code RESEND}: it moves the status as a scheduled attempt
     * does, without taking a place in the schedule).
     */
    private enum Trigger { SCHEDULE, EXTRA, NEXT, RESEND }

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
        return http.postAsync(webhook.target(endpoint.url()), webhook.headers(), webhook.body(), timeoutOf(endpoint, profile))
                .thenApply(response -> new PingResult(response.status(), response.error()));
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
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiter waiter = new Waiter(lock.newCondition());
        lock.lock();
        try {
            waiters.add(waiter);
        } finally {
            lock.unlock();
        }
        try {
            // one full scan, then only the deliveries that changed since: a waiter costs nothing
            // per attempt however many deliveries the store holds
            Map<String, Delivery> matched = new java.util.LinkedHashMap<>();
            store.deliveries().stream().filter(matching).forEach(d -> matched.put(d.id(), d));
            while (matched.size() < count) {
                List<String> changed;
                lock.lock();
                try {
                    while (waiter.changed.isEmpty()) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new TimeoutException("waited " + timeout.toMillis() + " ms for " + count
                                    + " matching deliveries, saw " + matched.size());
                        }
                        waiter.changedSignal.awaitNanos(left);
                    }
                    changed = new ArrayList<>(waiter.changed);
                    waiter.changed.clear();
                } finally {
                    lock.unlock();
                }
                for (String id : changed) {
                    store.delivery(id).filter(matching).ifPresentOrElse(d -> matched.put(id, d), () -> matched.remove(id));
                }
            }
            return store.deliveries().stream().filter(d -> matched.containsKey(d.id())).toList();
        } finally {
            lock.lock();
            try {
                waiters.remove(waiter);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * What changed since a waiter last looked. Guarded by {@link #lock}. The waiter is woken only when
     * its set stops being empty: under load it takes the changes in batches instead of a wake-up per
     * change.
     */
    private static final class Waiter {
        final java.util.Set<String> changed = new java.util.LinkedHashSet<>();
        final Condition changedSignal;

        Waiter(Condition changedSignal) {
            this.changedSignal = changedSignal;
        }
    }

    /**
     * Waits until no attempt is running or waiting for its endpoint, and none is due: after an
     * {@link #advance}, until everything that fell due in the jump (and every retry that did) is done.
     */
    public void awaitIdle() {
        lock.lock();
        try {
            while (active > 0) {
                idle.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
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

    private void begun() {
        lock.lock();
        try {
            active++;
        } finally {
            lock.unlock();
        }
    }

    private void done() {
        lock.lock();
        try {
            if (--active == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the attempt now (on this worker) or queues it behind the endpoint's running and waiting
     * attempts. An attempt being caught up after a jump waits until it can run alone, and is made
     * on a worker, never on the scheduler's thread.
     */
    private void admit(String deliveryId, Scheduler.When when, Trigger trigger) {
        String endpointId = store.delivery(deliveryId).map(Delivery::endpointId).orElse(null);
        if (endpointId == null) {
            sendNextAfter(deliveryId, when.clock());
            return;
        }
        Clock clock = when.clock();
        boolean alone = when.catchingUp();
        List<Runnable> start;
        lock.lock();
        try {
            Gate gate = gates.computeIfAbsent(endpointId, k -> new Gate());
            if (!alone && gate.waiting.isEmpty() && !gate.alone && gate.running < config.maxConcurrentPerEndpoint()) {
                gate.running++;
                start = null;
            } else {
                active++; // counted while it waits for its endpoint
                gate.waiting.add(new Waiting(() -> {
                    try {
                        attemptAndRelease(deliveryId, endpointId, clock, alone, trigger);
                    } finally {
                        done();
                    }
                }, alone));
                start = next(gate);
            }
        } finally {
            lock.unlock();
        }
        if (start == null) {
            attemptAndRelease(deliveryId, endpointId, clock, false, trigger);
        } else {
            start.forEach(this::execute);
        }
    }

    /** The waiting attempts that may start now, first come first served. Call holding {@link #lock}. */
    private List<Runnable> next(Gate gate) {
        List<Runnable> start = new ArrayList<>(1);
        int limit = config.maxConcurrentPerEndpoint();
        while (!gate.waiting.isEmpty() && !gate.alone) {
            Waiting head = gate.waiting.peek();
            if (head.alone() ? gate.running > 0 : gate.running >= limit) {
                break;
            }
            gate.waiting.poll();
            gate.running++;
            gate.alone = head.alone();
            start.add(head.attempt());
        }
        return start;
    }

    private void execute(Runnable queued) {
        try {
            workers.execute(queued);
        } catch (RejectedExecutionException closing) {
            done(); // the engine is closing: attempts still waiting for their endpoint are not made
        }
    }

    private void attemptAndRelease(String deliveryId, String endpointId, Clock clock, boolean alone, Trigger trigger) {
        try {
            attempt(deliveryId, clock, trigger);
        } finally {
            sendNextAfter(deliveryId, clock);
            List<Runnable> start;
            lock.lock();
            try {
                Gate gate = gates.get(endpointId);
                gate.running--;
                if (alone) {
                    gate.alone = false;
                }
                start = next(gate);
            } finally {
                lock.unlock();
            }
            start.forEach(this::execute);
        }
    }

    private void sendNextAfter(String deliveryId, Clock clock) {
        String next = sendAfter.remove(deliveryId);
        if (next != null) {
            scheduleAttempt(next, clock.instant());
        }
    }

    /** One attempt of the delivery, at the instants {@code clock} tells (the task's own clock, see {@link Scheduler}). */
    private void attempt(String deliveryId, Clock clock, Trigger trigger) {
        Delivery delivery = store.delivery(deliveryId).orElse(null);
        boolean extra = trigger == Trigger.EXTRA;
        if (delivery == null || (delivery.status().isFinal() && !extra)) {
            return;
        }
        Optional<Endpoint> maybeEndpoint = store.endpoint(delivery.endpointId());
        if (extra && (maybeEndpoint.isEmpty() || !maybeEndpoint.get().enabled())) {
            return; // asked for by hand, refused by the admin API unless the endpoint takes it; it was switched off meanwhile
        }
        if (maybeEndpoint.isEmpty() || !maybeEndpoint.get().enabled()) {
            updateDelivery(deliveryId, finished(DeliveryStatus.FAILED, maybeEndpoint.isEmpty() ? "endpoint_deleted" : "endpoint_disabled",
                    clock.instant()));
            return;
        }
        Endpoint endpoint = maybeEndpoint.get();
        Event event = store.event(delivery.eventId()).orElse(null);
        if (event == null) {
            return; // forgotten by a reset while it waited
        }
        Profile profile = Profiles.get(delivery.profile());
        // a first attempt has no predecessors (not even duplicate copies, which ride along with an attempt)
        List<AttemptRecord> previous = delivery.attempts() == 0 ? List.of() : store.attemptsOfDelivery(deliveryId);
        int number = delivery.attempts() + 1;
        // the schedule counts its own attempts only, not the extra ones made by hand
        int scheduledNumber = number - (int) previous.stream().filter(AttemptRecord::isExtra).count();
        AttemptPlan plan = injection.plan(delivery, event, endpoint, number);
        if (trigger == Trigger.SCHEDULE && !plan.delay().isZero()
                && delayed.putIfAbsent(deliveryId + "#" + number, Boolean.TRUE) == null) {
            Instant at = clock.instant().plus(plan.delay());
            updateDelivery(deliveryId, d -> new Delivery(d.id(), d.profile(), d.organizationId(), d.eventId(),
                    d.endpointId(), d.status(), d.attempts(), d.createdAt(), d.startedAt(), d.deliveredAt(), d.failedAt(),
                    d.failureReason(), d.lastAttemptAt(), at, d.responseStatus(), d.signature()));
            scheduleAttempt(deliveryId, at);
            return;
        }
        if (!delayed.isEmpty()) {
            delayed.remove(deliveryId + "#" + number);
        }
        Instant now = clock.instant();
        Attempt attempt = attemptFor(profile, delivery, event, endpoint, previous, number, now);
        if (!extra) { // an extra attempt leaves status and schedule as they are
            updateDelivery(deliveryId, d -> new Delivery(d.id(), d.profile(), d.organizationId(), d.eventId(),
                    d.endpointId(), DeliveryStatus.IN_PROGRESS, d.attempts(), d.createdAt(),
                    d.startedAt() == null ? now : d.startedAt(), null, null, "", d.lastAttemptAt(), null, d.responseStatus(),
                    d.signature()));
        }
        Attempt signedAs = plan.timestampShift().isZero() ? attempt : new Attempt(attempt.deliveryId(), attempt.endpointId(),
                attempt.number(), attempt.attemptId(), attempt.previousAttemptId(), attempt.firstAttemptId(),
                now.plus(plan.timestampShift()));
        SignedWebhook webhook = plan.mutation().apply(profile.sign(event, signedAs,
                plan.signingSecrets() != null ? plan.signingSecrets() : endpoint.secrets(), endpoint.url()));
        String attemptId = profile.rules().attemptsAreEvents() ? attempt.attemptId() : deliveryId + "." + number;
        String retryOf = previous.isEmpty() ? null : previous.get(previous.size() - 1).id();
        String label = label(deliveryId, event, number, plan, 1);
        Made made = new Made(trigger == Trigger.SCHEDULE ? AttemptRecord.SCHEDULE : AttemptRecord.MANUAL,
                trigger == Trigger.SCHEDULE || trigger == Trigger.NEXT);

        if (plan.drop()) {
            record(new AttemptRecord(attemptId, deliveryId, endpoint.id(), event.id(), event.organizationId(), profile.name(),
                    number, now, retryOf, webhook.headers(), webhook.bodyText(), null, Map.of(), null, 0, "dropped", false,
                    null, label, endpoint.url(), made.trigger(), made.scheduled()),
                    extra ? UnaryOperator.identity() : finished(DeliveryStatus.FAILED, "dropped", now));
            return;
        }
        HttpSender.Response response = send(endpoint, profile, webhook, plan, attemptId, deliveryId, event, number, now,
                retryOf, made);
        boolean success = response.status() != null && profile.successRule().isSuccess(response.status()) && !plan.lostAck();
        if (success) {
            consecutiveFailures.computeIfAbsent(endpoint.id(), k -> new AtomicInteger()).set(0);
            record(recordOf(attemptId, deliveryId, endpoint, event, profile, number, now, retryOf, webhook, response, true,
                    null, label, made), finished(DeliveryStatus.DELIVERED, "", clock.instant()));
            return;
        }
        if (extra) {
            // a failed extra attempt changes nothing about the delivery's status or schedule
            record(recordOf(attemptId, deliveryId, endpoint, event, profile, number, now, retryOf, webhook, response, false,
                    null, label, made), UnaryOperator.identity());
            return;
        }
        // a resend takes no place in the schedule: what follows it is what followed the last scheduled attempt
        Instant next = nextAttempt(profile, delivery, trigger == Trigger.RESEND ? Math.max(1, scheduledNumber - 1) : scheduledNumber,
                now, response);
        UnaryOperator<Delivery> outcome;
        if (profile.rules().goneDisablesEndpoint() && Integer.valueOf(410).equals(response.status())) {
            store.updateEndpoint(endpoint.id(), e -> e.withEnabled(false, "gone", clock.instant()));
            outcome = finished(DeliveryStatus.FAILED, "endpoint_gone", clock.instant());
        } else if (profile.circuitBreaker().isPresent() && consecutiveFailures.computeIfAbsent(endpoint.id(),
                k -> new AtomicInteger()).incrementAndGet() >= profile.circuitBreaker().getAsInt()) {
            store.updateEndpoint(endpoint.id(), e -> e.withEnabled(false, "circuit_breaker", clock.instant()));
            outcome = finished(DeliveryStatus.FAILED, "circuit_breaker", clock.instant());
        } else if (next == null) {
            outcome = finished(DeliveryStatus.EXHAUSTED, "max_attempts", clock.instant());
        } else {
            outcome = d -> withStatus(d, DeliveryStatus.RETRYING, "", null, null, next);
        }
        record(recordOf(attemptId, deliveryId, endpoint, event, profile, number, now, retryOf, webhook, response, false,
                next, label, made), outcome)
                .filter(d -> d.status() == DeliveryStatus.RETRYING)
                .ifPresent(d -> scheduleRetry(d.id(), next));
    }

    /** What was done on purpose to copy {@code copy} of attempt {@code number}, or null. */
    private String label(String deliveryId, Event event, int number, AttemptPlan plan, int copy) {
        if (plan.label() == null && plan.copies() == 1 && eventLabels.isEmpty() && firstAttemptLabels.isEmpty()) {
            return null; // the usual case: nothing done on purpose
        }
        List<String> parts = new ArrayList<>(4);
        Optional.ofNullable(eventLabels.get(event.id())).ifPresent(parts::add);
        if (number == 1) {
            Optional.ofNullable(firstAttemptLabels.get(deliveryId)).ifPresent(parts::add);
        }
        if (plan.label() != null) {
            parts.add(plan.label());
        }
        if (plan.copies() > 1 && !plan.drop()) {
            parts.add("duplicate " + copy + " of " + plan.copies() + (plan.concurrentCopies() ? " (concurrent)" : " (sequential)"));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private HttpSender.Response send(Endpoint endpoint, Profile profile, SignedWebhook webhook, AttemptPlan plan,
            String attemptId, String deliveryId, Event event, int number, Instant now, String retryOf, Made made) {
        Duration timeout = timeoutOf(endpoint, profile);
        String url = webhook.target(endpoint.url());
        if (plan.copies() == 1) {
            return http.post(url, webhook.headers(), webhook.body(), timeout);
        }
        // the first copy decides the delivery; the others are recorded as what they are: duplicates
        List<Future<HttpSender.Response>> extra = new ArrayList<>();
        HttpSender.Response first;
        if (plan.concurrentCopies()) {
            for (int c = 2; c <= plan.copies(); c++) {
                extra.add(http.postAsync(url, webhook.headers(), webhook.body(), timeout));
            }
            first = http.post(url, webhook.headers(), webhook.body(), timeout);
        } else {
            first = http.post(url, webhook.headers(), webhook.body(), timeout);
            for (int c = 2; c <= plan.copies(); c++) {
                extra.add(CompletableFuture.completedFuture(http.post(url, webhook.headers(), webhook.body(), timeout)));
            }
        }
        for (int c = 0; c < extra.size(); c++) {
            HttpSender.Response copy;
            try {
                copy = extra.get(c).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return first;
            } catch (ExecutionException e) {
                throw new IllegalStateException("an answer always completes normally", e);
            }
            record(recordOf(attemptId + "~" + (c + 2), deliveryId, endpoint, event, profile, number, now, retryOf, webhook,
                    copy, copy.status() != null && profile.successRule().isSuccess(copy.status()), null,
                    label(deliveryId, event, number, plan, c + 2), made), UnaryOperator.identity());
        }
        return first;
    }

    private Attempt attemptFor(Profile profile, Delivery delivery, Event event, Endpoint endpoint,
            List<AttemptRecord> previous, int number, Instant now) {
        if (!profile.rules().attemptsAreEvents()) {
            return new Attempt(delivery.id(), endpoint.id(), number, event.id(), null, event.id(), now);
        }
        List<AttemptRecord> own = previous.stream().filter(a -> !a.id().contains("~")).toList();
        String id = profile.ids().event().generate(random);
        return own.isEmpty() ? Attempt.first(delivery.id(), endpoint.id(), id, now)
                : new Attempt(delivery.id(), endpoint.id(), number, id, own.get(own.size() - 1).id(), own.get(0).id(), now);
    }

    /** When the next attempt is due after failed attempt {@code number}, or null when it was the last. */
    private Instant nextAttempt(Profile profile, Delivery delivery, int number, Instant now, HttpSender.Response response) {
        Optional<Duration> delay = profile.retryPolicy().delayAfter(number, new SplittableRandom(
                config.seed() ^ delivery.id().hashCode() * 31L + number));
        if (delay.isEmpty()) {
            return null;
        }
        Duration wait = delay.get();
        Integer status = response.status();
        if (profile.rules().honoursRetryAfter() && status != null && (status == 429 || status == 502 || status == 504)) {
            Duration asked = retryAfter(response.headers().get("retry-after"), now);
            if (asked != null && asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return now.plus(wait);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, capped at a day; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(Duration.ofSeconds(DeliveryRules.MAX_RETRY_AFTER_SECONDS)) > 0
                ? Duration.ofSeconds(DeliveryRules.MAX_RETRY_AFTER_SECONDS) : asked;
    }

    private AttemptRecord recordOf(String id, String deliveryId, Endpoint endpoint, Event event, Profile profile, int number,
            Instant sentAt, String retryOf, SignedWebhook webhook, HttpSender.Response response, boolean succeeded,
            Instant next, String label, Made made) {
        return new AttemptRecord(id, deliveryId, endpoint.id(), event.id(), event.organizationId(), profile.name(), number,
                sentAt, retryOf, HttpSender.asSent(webhook.target(endpoint.url()), webhook.headers(), webhook.body().length),
                webhook.bodyText(), response.status(), response.headers(),
                response.body(), response.latencyMillis(), response.error(), succeeded, next, label, endpoint.url(),
                made.trigger(), made.scheduled());
    }

    /** How an attempt came about, as its record says: {@link AttemptRecord#trigger()} and {@link AttemptRecord#scheduled()}. */
    private record Made(String trigger, boolean scheduled) {}

    /**
     * Stores the attempt and, in the same store write, counts it on its delivery (a duplicate copy,
     * {@code ~n}, is not counted) and applies {@code outcome}: one write and one wake-up per attempt.
     */
    private Optional<Delivery> record(AttemptRecord attempt, UnaryOperator<Delivery> outcome) {
        boolean copy = attempt.isCopy();
        Optional<Delivery> updated = store.atomically(() -> {
            store.addAttempt(attempt);
            return store.updateDelivery(attempt.deliveryId(), d -> outcome.apply(copy ? d : new Delivery(d.id(), d.profile(),
                    d.organizationId(), d.eventId(), d.endpointId(), d.status(), attempt.number(), d.createdAt(),
                    d.startedAt(), d.deliveredAt(), d.failedAt(), d.failureReason(), attempt.sentAt(), d.nextAttemptAt(),
                    attempt.responseStatus(),
                    attempt.requestHeaders().get(Profiles.get(d.profile()).scheme().signatureHeader()))));
        });
        signal(attempt.deliveryId());
        return updated;
    }

    private static UnaryOperator<Delivery> finished(DeliveryStatus status, String reason, Instant now) {
        return d -> withStatus(d, status, reason, status == DeliveryStatus.DELIVERED ? now : null,
                status == DeliveryStatus.DELIVERED ? null : now, null);
    }

    private static Delivery withStatus(Delivery d, DeliveryStatus status, String reason, Instant deliveredAt, Instant failedAt,
            Instant nextAt) {
        return new Delivery(d.id(), d.profile(), d.organizationId(), d.eventId(), d.endpointId(), status, d.attempts(),
                d.createdAt(), d.startedAt(), deliveredAt, failedAt, reason, d.lastAttemptAt(), nextAt, d.responseStatus(),
                d.signature());
    }

    /** Every change of a delivery goes through here, so waiters hear of it. */
    private Optional<Delivery> updateDelivery(String id, UnaryOperator<Delivery> change) {
        Optional<Delivery> updated = store.updateDelivery(id, change);
        signal(id);
        return updated;
    }

    private void signal(String deliveryId) {
        lock.lock();
        try {
            for (Waiter waiter : waiters) {
                if (waiter.changed.isEmpty()) {
                    waiter.changedSignal.signal();
                }
                waiter.changed.add(deliveryId);
            }
        } finally {
            lock.unlock();
        }
    }

    private static Duration timeoutOf(Endpoint endpoint, Profile profile) {
        return endpoint.timeoutSeconds() != null ? Duration.ofSeconds(endpoint.timeoutSeconds()) : profile.timeout();
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
