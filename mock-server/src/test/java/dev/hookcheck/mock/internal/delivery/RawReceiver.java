package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiver on a raw socket, so nothing between the wire and the test normalizes what came: it
 * keeps every request's line, headers (names as sent, in order) and body bytes, and answers 200
 * when the request verifies under the profile with the secret (at the instant of {@code clock}), 401
 * otherwise. One connection at a time, one request per connection ({@code Connection: close}).
 */
public final class RawReceiver implements AutoCloseable {
    /** One request as it came off the socket. */
    public record Request(String line, Map<String, String> headers, byte[] body, boolean verified) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket socket;
    private final String profile;
    private final Clock clock;
    private volatile Secret secret;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public RawReceiver(String profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "raw-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    /** The secret requests must verify with; until set, every request is answered 401. */
    public void verifyWith(Secret value) {
        secret = value;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(10_000);
                Request request = read(connection.getInputStream());
                requests.add(request);
                byte[] answer = (request.verified() ? "{\"verified\":true}" : "{\"verified\":false}").getBytes(StandardCharsets.UTF_8);
                OutputStream out = connection.getOutputStream();
                out.write(((request.verified() ? "HTTP/1.1 200 OK" : "HTTP/1.1 401 Unauthorized") + "\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + answer.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
            } catch (IOException closedOrBroken) {
                // closed by close(), or a client that went away: the next one is served
            }
        }
    }

    private Request read(InputStream in) throws IOException {
        String line = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon), header.substring(colon + 1).strip());
        }
        int length = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                .map(h -> Integer.parseInt(h.getValue())).findFirst().orElse(0);
        byte[] body = in.readNBytes(length);
        Secret current = secret;
        boolean verified = current != null && Profiles.get(profile).scheme().verify(headers, body, List.of(current), clock)
                instanceof Verification.Verified;
        return new Request(line, headers, body, verified);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside the head");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
            thread.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
