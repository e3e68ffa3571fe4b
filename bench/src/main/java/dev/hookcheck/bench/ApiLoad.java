package dev.hookcheck.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harness for the mock server's hottest read: {@code GET /v1/webhook-events} with a filter and
 * a page of 20 over 100 000 stored events, against WireMock serving the same body as a static stub,
 * from the same client in the same run. Then the heap that 1 000 000 stored events take.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.hookcheck.bench.ApiLoad [seconds] [threads]</pre>
 */
public final class ApiLoad {
    private static final String KEY = "bench-key";
    private static final String PATH = "/v1/webhook-events?event_name=enrollment.accepted&limit=20&page=3";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d client threads, %d s per round%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads, seconds);

        try (MockServer hookcheck = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start()) {
            String org = fill(Internals.of(hookcheck).store(), 100_000);
            Internals.of(hookcheck).store().addApiKey(KEY, "vitable", org);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<byte[]> sample = client.send(request(hookcheck.baseUrl()), HttpResponse.BodyHandlers.ofByteArray());
            if (sample.statusCode() != 200) {
                throw new IllegalStateException("unexpected " + sample.statusCode() + ": " + new String(sample.body()));
            }
            WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .disableRequestJournal().containerThreads(Math.max(threads, 16)));
            wiremock.start();
            try {
                wiremock.stubFor(WireMock.get(WireMock.urlEqualTo(PATH))
                        .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody(sample.body())));
                String wiremockUrl = "http://127.0.0.1:" + wiremock.port();
                System.out.printf(Locale.ROOT, "response body: %d bytes, 100000 stored events, filter event_name, page 3 of 20%n",
                        sample.body().length);
                // warm both, then alternate measured rounds so neither gets the quieter machine
                run(client, hookcheck.baseUrl(), threads, 5);
                run(client, wiremockUrl, threads, 5);
                double[] ours = new double[2];
                double[] theirs = new double[2];
                for (int round = 0; round < 2; round++) {
                    ours[round] = run(client, hookcheck.baseUrl(), threads, seconds);
                    theirs[round] = run(client, wiremockUrl, threads, seconds);
                    System.out.printf(Locale.ROOT, "round %d: hookcheck %.0f req/s, wiremock %.0f req/s%n",
                            round + 1, ours[round], theirs[round]);
                }
                double o = (ours[0] + ours[1]) / 2;
                double w = (theirs[0] + theirs[1]) / 2;
                System.out.printf(Locale.ROOT, "RESULT hookcheck %.0f req/s, wiremock %.0f req/s, ratio %.2f%n", o, w, o / w);
            } finally {
                wiremock.stop();
            }
        }
        heap();
    }

    private static HttpRequest request(String base) {
        return HttpRequest.newBuilder(URI.create(base + PATH)).header("Authorization", "Bearer " + KEY).build();
    }

    /** Requests per second over {@code seconds}, counting only 200s. */
    private static double run(HttpClient client, String base, int threads, int seconds) throws Exception {
        HttpRequest request = request(base);
        LongAdder ok = new LongAdder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() == 200) {
                        ok.increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return ok.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** Vitable events for one organization, spread over a year, the catalog's names cycling. */
    static String fill(Store store, int count) {
        Profile vitable = Profiles.get("vitable");
        String org = "org_bench" + count;
        store.addOrganization(new Organization(org, "vitable", "Bench"));
        List<String> names = vitable.events().names();
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2025-11-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String type = names.get(i % names.size());
            String resourceType = vitable.events().find(type).orElseThrow().resourceType();
            store.addEvent(new Event(vitable.ids().event().generate(random), "vitable", org, type, resourceType,
                    vitable.ids().resource(resourceType).generate(random), start.plusSeconds(i * 31L), "{}"));
        }
        return org;
    }

    private static void heap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        Store store = new Store(java.time.Clock.systemUTC());
        fill(store, 1_000_000);
        long after = settledHeap(memory);
        System.out.printf(Locale.ROOT, "RESULT heap for %d stored events: %.0f MB (%d bytes per event)%n",
                store.eventCount(), (after - before) / 1e6, (after - before) / store.eventCount());
    }

    private static long settledHeap(java.lang.management.MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
