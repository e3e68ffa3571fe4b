package dev.hookcheck.reliability;

import dev.hookcheck.reliability.Receiver.Behaviour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events fanned out to several healthy endpoints while a second client lists deliveries and events
 * in a loop: every delivery must arrive exactly once (none lost, no duplicate), every attempt the
 * receivers saw must be recorded and no more, and the list latency stays low.
 */
final class LoadRun {
    /** What the run found. */
    record Result(int events, int endpoints, int expected, int delivered, int received, int duplicates, int lost,
            long attemptsRecorded, long listP50Millis, long listP99Millis, int listCalls, int listErrors, int peakThreads,
            java.util.Map<String, Integer> peakThreadKinds, long peakHeapMiB,
            long peakResidentMiB, double deliveriesPerSecond, Duration took) {}

    private final Sandbox sandbox;

    LoadRun(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Result run(int events, int endpointCount) {
        String org = sandbox.organization("standard");
        sandbox.disableEndpointsOf(org);
        List<Receiver> receivers = new ArrayList<>();
        try {
            for (int i = 0; i < endpointCount; i++) {
                Receiver r = Receiver.start(Behaviour.OK);
                receivers.add(r);
                sandbox.admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"organizationId\":\"" + org
                        + "\",\"url\":\"" + r.url() + "\"}").expect(201);
            }
            long attemptsBefore = sandbox.admin("GET", "/__admin/changes", null).expect(200).get("attempts").asLong();
            sandbox.serve().resetPeaks();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger errors = new AtomicInteger();
            Thread hammer = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    long t = System.nanoTime();
                    int status = sandbox.admin("GET", i++ % 2 == 0 ? "/__admin/deliveries?profile=standard&limit=20"
                            : "/__admin/events?profile=standard&organizationId=" + org + "&limit=20", null).status();
                    latencies.add((System.nanoTime() - t) / 1_000_000);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
            }, "list-hammer");
            hammer.setDaemon(true);
            long start = System.nanoTime();
            hammer.start();
            for (int sent = 0; sent < events; sent += 1000) {
                int count = Math.min(1000, events - sent);
                sandbox.admin("POST", "/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"" + org
                        + "\",\"type\":\"invoice.paid\",\"count\":" + count + "}").expect(201);
            }
            int expected = events * endpointCount;
            // an await takes at most 1000 at a time: read the delivered total until it is all of them
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            int delivered = 0;
            while (delivered < expected && System.nanoTime() < deadline) {
                sleep(200);
                delivered = sandbox.admin("GET", "/__admin/deliveries?profile=standard&organizationId=" + org
                        + "&status=delivered&limit=1", null).expect(200).path("total").asInt();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            running.set(false);
            try {
                hammer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleep(500); // anything still on its way (a duplicate would be) arrives before the count
            int received = 0;
            int duplicates = 0;
            int distinct = 0;
            for (Receiver r : receivers) {
                received += r.requests();
                distinct += r.received().size();
                duplicates += r.received().values().stream().mapToInt(n -> n.get() - 1).sum();
            }
            long attempts = sandbox.admin("GET", "/__admin/changes", null).expect(200).get("attempts").asLong() - attemptsBefore;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(events, endpointCount, expected, delivered, received, duplicates, expected - distinct, attempts,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size(), errors.get(), sandbox.serve().peakThreads(),
                    sandbox.serve().peakThreadKinds(),
                    sandbox.serve().peakHeapMiB(), sandbox.serve().peakResidentMiB(), expected / Math.max(0.001,
                            took.toMillis() / 1000.0), took);
        } finally {
            receivers.forEach(Receiver::close);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1));
    }
}
