package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.delivery.RetryDecision.Answer;
import dev.hookcheck.mock.internal.delivery.RetryDecision.Outcome;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Makes one attempt of a delivery: asks failure injection for its plan, signs the request as the
 * profile does, POSTs it (and the copies a duplicate rule asks for), records what was sent and
 * answered, and applies what {@link RetryDecision} decides. An endpoint that is disabled or deleted
 * gets no more attempts (its pending deliveries fail with {@code endpoint_disabled} or
 * {@code endpoint_deleted}).
 */
final class Attempts {
    /**
     * What makes an attempt: its instant on the schedule, or a person: an extra attempt beside the
     * schedule ({@code EXTRA}), the next scheduled one early ({@code NEXT}), or a finished delivery
     * sent again through a provider's API ({@code RESEND}: it moves the status as a scheduled attempt
     * does, without taking a place in the schedule).
     */
    enum Trigger { SCHEDULE, EXTRA, NEXT, RESEND }

    /** Where the attempts that follow go: a delayed one at its instant, a retry at its recorded next attempt. */
    interface Followers {
        void attemptAt(String deliveryId, Instant at);

        void retryAt(String deliveryId, Instant at);
    }

    private final Store store;
    private final long seed;
    /** The server's seeded random, for the ids of attempts that are events of their own (Dfns). */
    private final Random random;
    private final HttpSender http;
    private final Recorder recorder;
    private final Supplier<FailureInjection> injection;
    private final FanOut fanOut;
    private final Followers followers;
    private final Map<String, AtomicInteger> consecutiveFailures = new ConcurrentHashMap<>();
    /** Attempts already held back once by an injected delay ({@code deliveryId#number}). */
    private final Map<String, Boolean> delayed = new ConcurrentHashMap<>();

    Attempts(Store store, long seed, Random random, HttpSender http, Recorder recorder,
            Supplier<FailureInjection> injection, FanOut fanOut, Followers followers) {
        this.store = store;
        this.seed = seed;
        this.random = random;
        this.http = http;
        this.recorder = recorder;
        this.injection = injection;
        this.fanOut = fanOut;
        this.followers = followers;
    }

    /** Forgets the endpoints' failure counts and the injected delays (a reset). */
    void clear() {
        consecutiveFailures.clear();
        delayed.clear();
    }

    /** One attempt of the delivery, at the instants {@code clock} tells (the task's own clock, see {@link Scheduler}). */
    void attempt(String deliveryId, Clock clock, Trigger trigger) {
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
            recorder.update(deliveryId, d -> d.finished(DeliveryStatus.FAILED,
                    maybeEndpoint.isEmpty() ? "endpoint_deleted" : "endpoint_disabled", clock.instant()));
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
        AttemptPlan plan = injection.get().plan(delivery, event, endpoint, number);
        if (trigger == Trigger.SCHEDULE && !plan.delay().isZero()
                && delayed.putIfAbsent(deliveryId + "#" + number, Boolean.TRUE) == null) {
            Instant at = clock.instant().plus(plan.delay());
            recorder.update(deliveryId, d -> d.withNextAttemptAt(at));
            followers.attemptAt(deliveryId, at);
            return;
        }
        if (!delayed.isEmpty()) {
            delayed.remove(deliveryId + "#" + number);
        }
        Instant now = clock.instant();
        Attempt attempt = attemptFor(profile, delivery, event, endpoint, previous, number, now);
        if (!extra) { // an extra attempt leaves status and schedule as they are
            recorder.update(deliveryId, d -> d.inProgress(now));
        }
        Attempt signedAs = plan.timestampShift().isZero() ? attempt : new Attempt(attempt.deliveryId(), attempt.endpointId(),
                attempt.number(), attempt.attemptId(), attempt.previousAttemptId(), attempt.firstAttemptId(),
                now.plus(plan.timestampShift()));
        SignedWebhook webhook = plan.mutation().apply(profile.sign(event, signedAs,
                plan.signingSecrets() != null ? plan.signingSecrets() : endpoint.secrets(), endpoint.url()));
        Sent sent = new Sent(profile.rules().attemptsAreEvents() ? attempt.attemptId() : deliveryId + "." + number,
                deliveryId, endpoint, event, profile, number, now,
                previous.isEmpty() ? null : previous.get(previous.size() - 1).id(), webhook, plan,
                trigger == Trigger.SCHEDULE ? AttemptRecord.SCHEDULE : AttemptRecord.MANUAL,
                trigger == Trigger.SCHEDULE || trigger == Trigger.NEXT, fanOut.labels(event.id(), deliveryId, number));

        if (plan.drop()) {
            recorder.record(sent.record(null, false, null, 1),
                    extra ? UnaryOperator.identity() : d -> d.finished(DeliveryStatus.FAILED, "dropped", now));
            return;
        }
        HttpSender.Response response = send(sent);
        Answer answer = new Answer(response.status(), response.headers(), !plan.lostAck());
        AtomicInteger failures = consecutiveFailures.computeIfAbsent(endpoint.id(), k -> new AtomicInteger());
        if (RetryDecision.delivered(profile, answer)) {
            failures.set(0);
            recorder.record(sent.record(response, true, null, 1),
                    d -> d.finished(DeliveryStatus.DELIVERED, "", clock.instant()));
            return;
        }
        if (extra) {
            // a failed extra attempt changes nothing about the delivery's status or schedule
            recorder.record(sent.record(response, false, null, 1), UnaryOperator.identity());
            return;
        }
        // a resend takes no place in the schedule: what follows it is what followed the last scheduled attempt
        int place = trigger == Trigger.RESEND ? Math.max(1, scheduledNumber - 1) : scheduledNumber;
        Outcome outcome = RetryDecision.decide(profile, answer, place, failures.getAndIncrement(), now,
                new SplittableRandom(seed ^ delivery.id().hashCode() * 31L + place));
        Instant next = outcome instanceof Outcome.Retry retry ? retry.at() : null;
        UnaryOperator<Delivery> change;
        if (outcome instanceof Outcome.Ends ends) {
            if (ends.disablesEndpoint() != null) {
                store.updateEndpoint(endpoint.id(), e -> e.withEnabled(false, ends.disablesEndpoint(), clock.instant()));
            }
            change = d -> d.finished(ends.status(), ends.reason(), clock.instant());
        } else {
            change = d -> d.withStatus(DeliveryStatus.RETRYING, "", null, null, next);
        }
        recorder.record(sent.record(response, false, next, 1), change)
                .filter(d -> d.status() == DeliveryStatus.RETRYING)
                .ifPresent(d -> followers.retryAt(d.id(), next));
    }

    /**
     * One request as made: everything its records (the attempt's and its copies') say about it.
     *
     * @param trigger {@link AttemptRecord#trigger()}
     * @param scheduled {@link AttemptRecord#scheduled()}
     * @param labels what fan-out did to it on purpose (a burst, a reorder window)
     */
    private record Sent(String id, String deliveryId, Endpoint endpoint, Event event, Profile profile, int number,
            Instant at, String retryOf, SignedWebhook webhook, AttemptPlan plan, String trigger, boolean scheduled,
            List<String> labels) {

        /** What was done on purpose to copy {@code copy} of the attempt, or null. */
        String label(int copy) {
            if (plan.label() == null && plan.copies() == 1 && labels.isEmpty()) {
                return null; // the usual case: nothing done on purpose
            }
            List<String> parts = new ArrayList<>(labels);
            if (plan.label() != null) {
                parts.add(plan.label());
            }
            if (plan.copies() > 1 && !plan.drop()) {
                parts.add("duplicate " + copy + " of " + plan.copies() + (plan.concurrentCopies() ? " (concurrent)" : " (sequential)"));
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }

        /** The record of copy {@code copy} (1: the attempt itself), answered with {@code response} (null: never sent). */
        AttemptRecord record(HttpSender.Response response, boolean succeeded, Instant next, int copy) {
            String url = webhook.target(endpoint.url());
            return new AttemptRecord(copy == 1 ? id : AttemptRecord.copyId(id, copy), deliveryId, endpoint.id(),
                    event.id(), event.organizationId(), profile.name(), number, at, retryOf,
                    response == null ? webhook.headers() : HttpSender.asSent(url, webhook.headers(), webhook.body().length),
                    webhook.bodyText(), response == null ? null : response.status(),
                    response == null ? Map.of() : response.headers(), response == null ? null : response.body(),
                    response == null ? 0 : response.latencyMillis(), response == null ? "dropped" : response.error(),
                    succeeded, next, label(copy), endpoint.url(), trigger, scheduled, copy == 1 ? null : id, copy);
        }
    }

    private HttpSender.Response send(Sent sent) {
        Endpoint endpoint = sent.endpoint();
        SignedWebhook webhook = sent.webhook();
        AttemptPlan plan = sent.plan();
        Duration timeout = endpoint.timeoutSeconds() != null ? Duration.ofSeconds(endpoint.timeoutSeconds())
                : sent.profile().timeout();
        String url = webhook.target(endpoint.url());
        if (plan.copies() == 1) {
            return http.post(url, webhook.headers(), webhook.body(), timeout);
        }
        // the first copy decides the delivery; the others are recorded as what they are: copies
        List<Future<HttpSender.Response>> copies = new ArrayList<>();
        HttpSender.Response first;
        if (plan.concurrentCopies()) {
            for (int c = 2; c <= plan.copies(); c++) {
                copies.add(http.postAsync(url, webhook.headers(), webhook.body(), timeout));
            }
            first = http.post(url, webhook.headers(), webhook.body(), timeout);
        } else {
            first = http.post(url, webhook.headers(), webhook.body(), timeout);
            for (int c = 2; c <= plan.copies(); c++) {
                copies.add(CompletableFuture.completedFuture(http.post(url, webhook.headers(), webhook.body(), timeout)));
            }
        }
        for (int c = 0; c < copies.size(); c++) {
            HttpSender.Response copy;
            try {
                copy = copies.get(c).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return first;
            } catch (ExecutionException e) {
                throw new IllegalStateException("an answer always completes normally", e);
            }
            recorder.record(sent.record(copy, copy.status() != null && sent.profile().successRule().isSuccess(copy.status()),
                    null, c + 2), UnaryOperator.identity());
        }
        return first;
    }

    private Attempt attemptFor(Profile profile, Delivery delivery, Event event, Endpoint endpoint,
            List<AttemptRecord> previous, int number, Instant now) {
        if (!profile.rules().attemptsAreEvents()) {
            return new Attempt(delivery.id(), endpoint.id(), number, event.id(), null, event.id(), now);
        }
        List<AttemptRecord> own = previous.stream().filter(a -> !a.isCopy()).toList();
        String id = profile.ids().event().generate(random);
        return own.isEmpty() ? Attempt.first(delivery.id(), endpoint.id(), id, now)
                : new Attempt(delivery.id(), endpoint.id(), number, id, own.get(own.size() - 1).id(), own.get(0).id(), now);
    }
}
