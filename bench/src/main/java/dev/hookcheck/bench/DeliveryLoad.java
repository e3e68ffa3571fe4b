package dev.hookcheck.bench;

import com.sun.net.httpserver.HttpServer;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed deliveries per second from the delivery engine to a trivial loopback receiver, beside a bare
 * JDK {@code HttpClient} POST loop sending the same bodies with the same concurrency: the physical
 * limit of this machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.hookcheck.bench.DeliveryLoad [deliveries] [concurrency] [rounds] [warm-up rounds]</pre>
 */
public final class DeliveryLoad {
    public static void main(String[] args) throws Exception {
        // under heavy load the JDK HttpServer sometimes closes a kept-alive connection just as the
        // client reuses it ("header parser received no bytes"); let both clients resend the POST
        // then, as they would a GET, so one such race neither aborts the bare loop nor costs the
        // engine a retry delay
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(concurrency * 2, named("receiver")));
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d deliveries per round, concurrency %d, %d rounds after %d of"
                + " warm-up%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), count,
                concurrency, rounds, warmUp);
        // one sandbox for every round, emptied before each, as a long-running sandbox is
        try (MockServer server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)
                .withConcurrency(concurrency, concurrency)).start()) {
            // both paths reach steady state (C2-compiled) first: on two cores the engine, with more code
            // to compile, needs about six rounds of 10 000 before its rate stops climbing
            for (int round = 0; round < warmUp; round++) {
                engine(server, url, count);
                bare(url, count, concurrency);
            }
            double[] ratios = new double[rounds];
            double engine = 0;
            double bare = 0;
            for (int round = 0; round < rounds; round++) {
                Run e = engine(server, url, count);
                Run b = bare(url, count, concurrency);
                ratios[round] = e.rate() / b.rate();
                engine += e.rate() / rounds;
                bare += b.rate() / rounds;
                System.out.printf(Locale.ROOT, "round %d: engine %.0f deliveries/s (%.0f µs CPU each), bare client %.0f POST/s"
                        + " (%.0f µs CPU each), ratio %.2f%n", round + 1, e.rate(), e.cpuMicros(), b.rate(), b.cpuMicros(),
                        ratios[round]);
                if (round == rounds - 1) {
                    System.out.println("  CPU µs per operation by thread, last round: engine " + e.byThread()
                            + "; bare " + b.byThread());
                }
            }
            java.util.Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "RESULT engine %.0f deliveries/s, bare %.0f POST/s (means); ratio median %.2f"
                    + " (range %.2f–%.2f)%n", engine, bare, ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
        } finally {
            receiver.stop(0);
            ((ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    /** Empties the sandbox, fans {@code count} standard events out to one endpoint and times until all are delivered. */
    private static Run engine(MockServer server, String url, int count) throws Exception {
        server.reset();
        ServerContext context = Internals.of(server);
        Profile profile = Profiles.get("standard");
        context.store().addOrganization(new Organization("org_load", "standard", "Load"));
        Instant now = Instant.now();
        context.store().putEndpoint(new Endpoint("ep_load", "standard", "org_load", url, "load", null,
                List.of(Endpoint.ALL_EVENTS), true, null, null, List.of(secret()), now, now, null));
        List<Event> events = events(profile, count);
        events.forEach(context.store()::addEvent);
        Run.Timer timer = new Run.Timer();
        for (Event event : events) {
            context.deliveries().fanOut(event);
        }
        context.deliveries().awaitDeliveries(d -> d.status() == DeliveryStatus.DELIVERED, count, Duration.ofMinutes(5));
        return timer.stop(count);
    }

    /** The same bodies and headers, signed beforehand, POSTed by {@code concurrency} threads. */
    private static Run bare(String url, int count, int concurrency) throws Exception {
        Profile profile = Profiles.get("standard");
        List<HttpRequest> requests = new ArrayList<>(count);
        Instant now = Instant.now();
        for (Event event : events(profile, count)) {
            SignedWebhook webhook = profile.sign(event, Attempt.first("d", "ep_load", event.id(), now), List.of(secret()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
            webhook.headers().forEach(request::header);
            requests.add(request.build());
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, named("bare-client"));
        Run.Timer timer = new Run.Timer();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    client.send(requests.get(i), HttpResponse.BodyHandlers.discarding());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        Run run = timer.stop(count);
        pool.shutdown();
        return run;
    }

    /**
     * One timed round: operations per second of wall time, and CPU time of the whole process (sender
     * and receiver) per operation, which a busy machine disturbs less than the rate.
     */
    private record Run(double rate, double cpuMicros, Map<String, Long> byThread) {
        static final class Timer {
            private final long wall = System.nanoTime();
            private final long cpu = cpuNanos();
            private final Map<Long, Long> threads = threadCpu();
            private final long gc = gcMillis();

            Run stop(int count) {
                Map<Long, Long> now = threadCpu();
                Map<String, Long> byKind = new java.util.TreeMap<>();
                var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                now.forEach((id, nanos) -> {
                    java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
                    if (info != null) {
                        long used = nanos - threads.getOrDefault(id, 0L);
                        byKind.merge(info.getThreadName().replaceAll("[-0-9]+$", "").replaceAll("-[0-9]+-", "-"),
                                used, Long::sum);
                    }
                });
                byKind.replaceAll((kind, nanos) -> nanos / 1000 / count);
                byKind.values().removeIf(micros -> micros == 0);
                byKind.put("GC pauses (wall)", (gcMillis() - gc) * 1000 / count);
                return new Run(count / ((System.nanoTime() - wall) / 1e9), (cpuNanos() - cpu) / 1e3 / count, byKind);
            }

            private static long gcMillis() {
                return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
            }

            private static Map<Long, Long> threadCpu() {
                var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                Map<Long, Long> cpu = new java.util.HashMap<>();
                for (long id : mx.getAllThreadIds()) {
                    long nanos = mx.getThreadCpuTime(id);
                    if (nanos >= 0) {
                        cpu.put(id, nanos);
                    }
                }
                return cpu;
            }
        }

        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /** Threads named for what they do, so a profile of this harness tells the engine, the bare client and the receiver apart. */
    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, name + "-" + n.incrementAndGet());
    }

    private static Secret secret() {
        return Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    private static List<Event> events(Profile profile, int count) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(count);
        Instant now = Instant.now();
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new Event(profile.ids().event().generate(random), "standard", "org_load", "invoice.paid", "invoice",
                    "inv_" + i, now, "{\"id\":\"inv_" + i + "\",\"object\":\"invoice\",\"amount\":4200,\"currency\":\"usd\"}"));
        }
        return events;
    }
}
