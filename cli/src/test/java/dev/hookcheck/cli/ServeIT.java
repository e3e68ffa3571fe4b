package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar hookcheck.jar serve}: starts, answers, really delivers signed webhooks, stops cleanly on SIGTERM. */
class ServeIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Received(Map<String, String> headers, byte[] body) {}

    private HttpServer receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startAReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop(0);
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks";
    }

    static String baseUrl(JarProcess serve) throws InterruptedException {
        Matcher url = LISTENING.matcher(serve.awaitLine(line -> LISTENING.matcher(line).find(), STARTUP));
        assertThat(url.find()).isTrue();
        return url.group(1);
    }

    static HttpResponse<String> get(String url, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.shared().readTree(response.body());
    }

    static void assertStopsCleanly(JarProcess serve) throws InterruptedException {
        serve.terminate();
        assertThat(serve.waitFor(Duration.ofSeconds(30))).as("exit code after SIGTERM").isZero();
        assertThat(serve.out()).as("stdout %s%nstderr %s", serve.out(), serve.err()).last()
                .isEqualTo("hookcheck: stopped the mock provider");
    }

    @Test
    void servesAnswersDeliversASignedWebhookAndStopsOnSigterm() throws Exception {
        try (JarProcess serve = JarProcess.start("serve", "--port", "0", "--events", "5", "--api-key", "it-key")) {
            String base = baseUrl(serve);

            assertThat(get(base + "/__admin/health", null).statusCode()).isEqualTo(200);
            assertThat(get(base + "/v1/webhook-events?limit=1", "it-key").statusCode()).isEqualTo(200);
            assertThat(serve.out()).anyMatch(line -> line.matches(" *vitable +it-key +organization .*"));

            JsonNode endpoint = post(base + "/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\""
                    + receiverUrl() + "\",\"secret\":\"" + SECRET + "\"}");
            JsonNode event = post(base + "/__admin/events", "{\"profile\":\"standard\",\"type\":\"invoice.paid\"}");

            Received delivery = received.poll(30, TimeUnit.SECONDS);
            assertThat(delivery).as("a delivery to endpoint %s", endpoint.get("id")).isNotNull();
            assertThat(Profiles.get("standard").scheme().verify(delivery.headers(), delivery.body(),
                    List.of(Secret.of(SECRET)), Clock.systemUTC()).isVerified()).isTrue();
            assertThat(new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"invoice.paid\"");
            assertThat(event.get("id").asString()).isNotEmpty();

            assertStopsCleanly(serve);
        }
    }

    @Test
    void startsWithTheExampleConfiguration() throws Exception {
        try (JarProcess serve = JarProcess.start("serve", "--port", "0", "--config", "examples/hookcheck.yaml")) {
            String base = baseUrl(serve);
            serve.awaitLine(line -> line.startsWith("  failure rule "), STARTUP);

            assertThat(get(base + "/webhooks", "dfns-local").statusCode()).as("the file's Dfns key").isEqualTo(200);
            assertThat(get(base + "/v1/webhook-events?limit=1", "sandbox-key").statusCode()).as("its apiKey")
                    .isEqualTo(200);
            assertThat(get(base + "/__admin/endpoints?profile=vitable", null).body())
                    .contains("http://localhost:3000/webhooks/vitable");
            JsonNode failures = JsonMapper.shared().readTree(get(base + "/__admin/failures", null).body());
            assertThat(failures.get("failures").valueStream().map(f -> f.get("mode").asString()))
                    .containsExactly("duplicate", "lost_ack");
            JsonNode clock = JsonMapper.shared().readTree(get(base + "/__admin/clock", null).body());
            assertThat(clock.get("scale").asDouble()).isEqualTo(60.0);
            assertThat(serve.out()).anyMatch(line -> line.matches("  endpoint \\S+ \\(standard\\) -> "
                    + "http://localhost:3000/webhooks/standard, secret whsec_\\S+"));
            assertThat(serve.out()).anyMatch(line -> line.matches("  credential local-signer \\(dfns, Ed25519\\) signs for"
                    + " organization \\S+, generated: its private key is above"));
            assertThat(get(base + "/__admin/credentials?profile=dfns", null).body()).contains("\"id\":\"local-signer\"");

            assertStopsCleanly(serve);
        }
    }

    @Test
    void everyOptionCanComeFromTheEnvironment() throws Exception {
        try (JarProcess serve = JarProcess.start(Map.of("HOOKCHECK_PORT", "0", "HOOKCHECK_HOST", "127.0.0.1",
                "HOOKCHECK_API_KEY", "env-key", "HOOKCHECK_EVENTS", "2", "HOOKCHECK_SEED", "9",
                "HOOKCHECK_TIME_SCALE", "0", "HOOKCHECK_CONFIG", "examples/hookcheck.yaml",
                "HOOKCHECK_DFNS_USER_ACTIONS", "any"), "serve")) {
            String base = baseUrl(serve);
            serve.awaitLine(line -> line.startsWith("  failure rule "), STARTUP);

            assertThat(base).startsWith("http://127.0.0.1:").doesNotEndWith(":8080");
            assertThat(get(base + "/v1/webhook-events?limit=100", "env-key").body()).contains("\"total\":2");
            assertThat(get(base + "/webhooks", "dfns-local").statusCode()).isEqualTo(200);
            JsonNode clock = JsonMapper.shared().readTree(get(base + "/__admin/clock", null).body());
            assertThat(clock.get("scale").asDouble()).as("the variable beats the file").isZero();
            HttpResponse<String> lax = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhooks"))
                    .header("Authorization", "Bearer dfns-local").header("X-DFNS-USERACTION", "anything")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://receiver.example\",\"events\":[\"*\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lax.statusCode()).as("any user action passes: %s", lax.body()).isEqualTo(200);

            assertStopsCleanly(serve);
        }
    }

    @Test
    void anAdminTokenGuardsTheAdminApiAndTheConfigurationIsAppliedWithIt() throws Exception {
        String token = "it-admin-token-1";
        try (JarProcess serve = JarProcess.start(Map.of("HOOKCHECK_ADMIN_TOKEN", token), "serve", "--port", "0",
                "--events", "2", "--config", "examples/hookcheck.yaml")) {
            String base = baseUrl(serve);
            serve.awaitLine(line -> line.startsWith("  failure rule "), STARTUP);

            assertThat(get(base + "/__admin/endpoints", null).statusCode()).isEqualTo(401);
            HttpResponse<String> withToken = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/__admin/failures"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).contains("\"duplicate\"", "\"lost_ack\"");
            assertThat(get(base + "/__admin/health", null).statusCode()).as("the health check needs no token").isEqualTo(200);
            assertThat(serve.out()).noneMatch(line -> line.contains(token)).anyMatch(line -> line.contains("admin token"));

            assertStopsCleanly(serve);
        }
    }

    @Test
    void listeningOnEveryInterfaceWithoutATokenIsWarnedAbout() throws Exception {
        try (JarProcess serve = JarProcess.start("serve", "--port", "0", "--events", "0", "--host", "0.0.0.0")) {
            baseUrl(serve);
            serve.awaitLine(line -> line.startsWith("WARNING: listening on 0.0.0.0 without an admin token"), STARTUP);
            assertStopsCleanly(serve);
        }
    }

    @Test
    void aTooShortAdminTokenIsAUsageError() throws Exception {
        try (JarProcess serve = JarProcess.start("serve", "--port", "0", "--admin-token", "short")) {
            assertThat(serve.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(serve.err()).anyMatch(line -> line.contains("at least 8 characters"));
        }
    }
}
