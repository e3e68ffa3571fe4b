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
import dev.hookcheck.mock.store.DeliveryStatus;
import dev.hookcheck.mock.store.Endpoint;
import dev.hookcheck.mock.store.Organization;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed deliveries per second from the delivery engine to a trivial loopback receiver, beside a bare
 * JDK {@code HttpClient} POST loop sending the same bodies with the same concurrency: the physical
 * limit of this machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.hookcheck.bench.DeliveryLoad [deliveries] [concurrency]</pre>
 */
public final class DeliveryLoad {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(concurrency * 2));
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d deliveries per round, concurrency %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), count, concurrency);
        try {
            engine(url, count / 4, concurrency); // warm-up
            bare(url, count / 4, concurrency);
            double[] engine = new double[2];
            double[] bare = new double[2];
            for (int round = 0; round < 2; round++) {
                engine[round] = engine(url, count, concurrency);
                bare[round] = bare(url, count, concurrency);
                System.out.printf(Locale.ROOT, "round %d: engine %.0f deliveries/s, bare client %.0f POST/s%n",
                        round + 1, engine[round], bare[round]);
            }
            double e = (engine[0] + engine[1]) / 2;
            double b = (bare[0] + bare[1]) / 2;
            System.out.printf(Locale.ROOT, "RESULT engine %.0f deliveries/s, bare %.0f POST/s, ratio %.2f%n", e, b, e / b);
        } finally {
            receiver.stop(0);
            ((ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    /** Fans {@code count} standard events out to one endpoint and times until all are delivered. */
    private static double engine(String url, int count, int concurrency) throws Exception {
        try (MockServer server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)
                .withConcurrency(concurrency, concurrency)).start()) {
            Profile profile = Profiles.get("standard");
            server.store().addOrganization(new Organization("org_load", "standard", "Load"));
            Instant now = Instant.now();
            server.store().putEndpoint(new Endpoint("ep_load", "standard", "org_load", url, "load", null,
                    List.of(Endpoint.ALL_EVENTS), true, null, null, List.of(secret()), now, now, null));
            List<Event> events = events(profile, count);
            events.forEach(server.store()::addEvent);
            long start = System.nanoTime();
            for (Event event : events) {
                server.deliveries().fanOut(event);
            }
            server.deliveries().awaitDeliveries(d -> d.status() == DeliveryStatus.DELIVERED, count, Duration.ofMinutes(5));
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The same bodies and headers, signed beforehand, POSTed by {@code concurrency} threads. */
    private static double bare(String url, int count, int concurrency) throws Exception {
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
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
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
        double rate = count / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        return rate;
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
