package example.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks receiver with nothing but the JDK: verifies {@code webhook-signature} (HMAC-SHA256
 * of {@code id.timestamp.body}, key = the base64 after {@code whsec_}) over the raw body, refuses a
 * timestamp more than 300 s away, processes each {@code webhook-id} once and answers 200.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final long TOLERANCE_SECONDS = 300;

    static {
        // the JDK server writes headers and body apart; without this every answer waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private final byte[] key;
    private final HttpServer server;
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    public WebhookReceiver(String secret) throws IOException {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with whsec_");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/webhooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    public int timesProcessed(String eventId) {
        AtomicInteger count = processed.get(eventId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")) {
                answer(exchange, 400, "{\"error\":\"missing or malformed webhook headers\"}");
            } else if (!verified(id, timestamp, body, signatures)) {
                answer(exchange, 401, "{\"error\":\"invalid signature\"}");
            } else if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                answer(exchange, 401, "{\"error\":\"stale or future timestamp\"}");
            } else {
                AtomicInteger count = new AtomicInteger();
                if (processed.putIfAbsent(id, count) == null) {
                    count.incrementAndGet(); // the event's work
                }
                answer(exchange, 200, "{\"received\":true}");
            }
        }
    }

    private boolean verified(String id, String timestamp, byte[] body, String signatures) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        boolean valid = false;
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                try {
                    valid |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException notBase64) {
                    // an unreadable signature matches nothing
                }
            }
        }
        return valid;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
