package dev.hookcheck.reliability;

import dev.hookcheck.reliability.Receiver.Behaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * Receivers that hang, reset, refuse, answer 500 forever, stream 100 MB slowly and redirect in a
 * loop, each a Preo endpoint with a 1 s timeout, beside a healthy one. Events go to all of them and
 * the clock jumps a day, so every retry of Preo's schedule (1 min, 5 min, 30 min, 2 h, 6 h) falls
 * due at once. Meanwhile the API is read in a loop and a new event goes to the healthy endpoint.
 * Every attempt must be recorded with the error its receiver deserves, on schedule; the server's
 * threads and heap stay bounded; the jump answers at once; the healthy endpoint is not held up.
 */
final class DeliveryFaults {
    /** One receiver's outcome. */
    record Outcome(String receiver, int deliveries, int attempts, Map<String, Integer> errors, int offSchedule,
            int unexpected, int receivedRequests) {}

    /** What the run found. */
    record Result(List<Outcome> outcomes, int unexpected, int offSchedule, int unrecorded, long advanceMillis,
            long healthyDeliveryMillis, long apiP99Millis, long apiMaxMillis, int apiCalls, int peakThreads,
            Map<String, Integer> peakThreadKinds, long peakHeapMiB,
            long peakResidentMiB, String maxHeap, boolean healthy, List<String> examples, Duration took) {}

    /** The error an attempt to each receiver must be recorded with: a wire error, or the HTTP status. */
    private static final Map<String, String> EXPECTED = Map.of(
            "hang", "timeout", "reset", "reset", "refuse", "refused", "error_500", "status 500", "slow_100mb", "timeout",
            "redirect_loop", "status 302", "healthy", "status 200");
    private static final int ATTEMPTS = 6; // Preo: the first and five retries
    private static final List<Duration> SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));

    private final Sandbox sandbox;
    private final String maxHeap;

    DeliveryFaults(Sandbox sandbox, String maxHeap) {
        this.sandbox = sandbox;
        this.maxHeap = maxHeap;
    }

    Result run(int events) {
        long start = System.nanoTime();
        String org = sandbox.organization("preo");
        sandbox.disableEndpointsOf(org);
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (Behaviour b : List.of(Behaviour.HANG, Behaviour.RESET, Behaviour.ERROR_500, Behaviour.SLOW_100MB,
                Behaviour.REDIRECT_LOOP)) {
            Receiver r = Receiver.start(b);
            receivers.put(b.name().toLowerCase(), r);
            urls.put(b.name().toLowerCase(), r.url());
        }
        urls.put("refuse", Receiver.refusing());
        Receiver healthy = Receiver.start(Behaviour.OK);
        receivers.put("healthy", healthy);
        urls.put("healthy", healthy.url());
        List<String> examples = new ArrayList<>();
        try {
            Map<String, String> endpoints = new LinkedHashMap<>();
            urls.forEach((name, url) -> endpoints.put(name, sandbox.provider("POST", "/api/management/webhooks/", Sandbox.KEY,
                    "{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"events\":[\"order.created\"],\"timeout_seconds\":1}")
                    .expect(201).get("id").asString()));

            sandbox.serve().resetPeaks();
            Hammer hammer = new Hammer(sandbox);
            hammer.start();
            for (int i = 0; i < events; i++) {
                sandbox.admin("POST", "/__admin/events", "{\"profile\":\"preo\",\"organizationId\":\"" + org
                        + "\",\"type\":\"order.created\"}").expect(201);
            }
            // the first attempts, on time
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                await(e.getValue(), e.getKey().equals("healthy") ? "delivered" : "retrying", events);
            }
            long jump = System.nanoTime();
            sandbox.admin("POST", "/__admin/clock/advance", "{\"duration\":\"P1D\"}").expect(200);
            long advanceMillis = (System.nanoTime() - jump) / 1_000_000;
            // a new event while the retries of the jump are caught up: the healthy endpoint must not wait for them
            long fresh = System.nanoTime();
            String eventId = sandbox.admin("POST", "/__admin/events", "{\"profile\":\"preo\",\"organizationId\":\"" + org
                    + "\",\"type\":\"order.created\"}").expect(201).get("id").asString();
            sandbox.admin("GET", "/__admin/deliveries/await?count=1&status=delivered&eventId=" + eventId + "&endpointId="
                    + endpoints.get("healthy") + "&timeoutMs=60000", null).expect(200);
            long healthyMillis = (System.nanoTime() - fresh) / 1_000_000;
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                if (!e.getKey().equals("healthy")) {
                    await(e.getValue(), "exhausted", events);
                }
            }
            sandbox.admin("POST", "/__admin/clock/advance", "{\"duration\":\"P1D\"}").expect(200); // retries of the fresh event
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                if (!e.getKey().equals("healthy")) {
                    await(e.getValue(), "exhausted", events + 1);
                }
            }
            hammer.stop();

            List<Outcome> outcomes = new ArrayList<>();
            int unexpected = 0;
            int offSchedule = 0;
            int unrecorded = 0;
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                Outcome outcome = outcome(e.getKey(), e.getValue(), receivers.get(e.getKey()), examples);
                outcomes.add(outcome);
                unexpected += outcome.unexpected();
                offSchedule += outcome.offSchedule();
                Receiver r = receivers.get(e.getKey());
                if (r != null && r.requests() != outcome.attempts()) {
                    unrecorded += Math.abs(r.requests() - outcome.attempts());
                    examples.add(e.getKey() + ": the receiver got " + r.requests() + " requests, " + outcome.attempts()
                            + " attempts recorded");
                }
            }
            boolean up = sandbox.admin("GET", "/__admin/health", null).status() == 200;
            return new Result(outcomes, unexpected, offSchedule, unrecorded, advanceMillis, healthyMillis, hammer.p99(),
                    hammer.max(), hammer.calls(), sandbox.serve().peakThreads(), sandbox.serve().peakThreadKinds(),
                    sandbox.serve().peakHeapMiB(),
                    sandbox.serve().peakResidentMiB(), maxHeap, up, List.copyOf(examples.subList(0, Math.min(20, examples.size()))),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            receivers.values().forEach(Receiver::close);
        }
    }

    private void await(String endpointId, String status, int count) {
        // an await answers 408 after a minute at most: ask again while the catch-up runs
        for (int tries = 0; tries < 10; tries++) {
            Sandbox.Reply reply = sandbox.admin("GET", "/__admin/deliveries/await?count=" + count + "&status=" + status
                    + "&endpointId=" + endpointId + "&timeoutMs=60000", null);
            if (reply.status() == 200) {
                return;
            }
        }
        throw new IllegalStateException(count + " deliveries to " + endpointId + " never became " + status);
    }

    /** Every attempt of every delivery to one endpoint: its error, its schedule. */
    private Outcome outcome(String name, String endpointId, Receiver receiver, List<String> examples) {
        JsonNode deliveries = sandbox.admin("GET", "/__admin/deliveries?endpointId=" + endpointId + "&limit=100", null).expect(200)
                .get("deliveries");
        Map<String, Integer> errors = new TreeMap<>();
        int attempts = 0;
        int offSchedule = 0;
        int unexpected = 0;
        for (JsonNode delivery : deliveries) {
            JsonNode list = sandbox.admin("GET", "/__admin/deliveries/" + delivery.get("id").asString() + "/attempts", null)
                    .expect(200).get("attempts");
            List<JsonNode> own = new ArrayList<>();
            list.forEach(own::add);
            attempts += own.size();
            if (!name.equals("healthy") && own.size() != ATTEMPTS) {
                unexpected++;
                examples.add(name + ": delivery " + delivery.get("id").asString() + " has " + own.size() + " attempts, not " + ATTEMPTS);
            }
            for (int i = 0; i < own.size(); i++) {
                JsonNode attempt = own.get(i);
                String error = attempt.get("response").isNull() ? attempt.path("error").asString("none")
                        : "status " + attempt.get("response").get("status").asInt();
                errors.merge(error, 1, Integer::sum);
                if (!error.equals(EXPECTED.get(name))) {
                    unexpected++;
                    examples.add(name + ": attempt " + attempt.get("number").asInt() + " recorded as " + error + ", not "
                            + EXPECTED.get(name));
                }
                if (i > 0) {
                    Instant due = Instant.parse(own.get(i - 1).get("nextAttemptAt").asString());
                    Instant sent = Instant.parse(attempt.get("sentAt").asString());
                    Instant planned = Instant.parse(own.get(i - 1).get("sentAt").asString()).plus(SCHEDULE.get(i - 1));
                    if (!sent.equals(due) || !due.equals(planned)) {
                        offSchedule++;
                        examples.add(name + ": attempt " + (i + 1) + " sent at " + sent + ", due " + due + ", planned " + planned);
                    }
                }
            }
        }
        return new Outcome(name, deliveries.size(), attempts, errors, offSchedule, unexpected,
                receiver == null ? 0 : receiver.requests());
    }

    /** Reads the API in a loop and keeps every latency. */
    static final class Hammer {
        private final Sandbox sandbox;
        private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Hammer(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        void start() {
            thread = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    long t = System.nanoTime();
                    if (i++ % 2 == 0) {
                        sandbox.provider("GET", "/api/management/webhooks/?page_size=5", Sandbox.KEY, null);
                    } else {
                        sandbox.admin("GET", "/__admin/deliveries?limit=20", null);
                    }
                    millis.add((System.nanoTime() - t) / 1_000_000);
                }
            }, "api-hammer");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running.set(false);
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int calls() {
            return millis.size();
        }

        long p99() {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        }

        long max() {
            return millis.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
