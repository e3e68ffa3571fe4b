package dev.hookcheck.conformance.reference;

import dev.hookcheck.conformance.reference.ReferenceReceiver.Reply;
import dev.hookcheck.conformance.reference.ReferenceReceiver.Request;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server (one request per connection) that keeps header names exactly as sent.
 * The JDK {@code HttpServer} normalizes them, so a receiver that looks headers up case-sensitively
 * can only be shown on a transport that does not.
 */
final class RawHttpServer implements AutoCloseable {
    private static final String PROBE = "/__probe/";
    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http");
        t.setDaemon(true);
        return t;
    });

    /** Serves deliveries with the handler and {@code GET /__probe/{key}} with the probe. */
    RawHttpServer(Function<Request, Reply> handler, Function<String, Reply> probe) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    executor.execute(() -> serve(connection, handler, probe));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private static void serve(Socket connection, Function<Request, Reply> handler, Function<String, Reply> probe) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            String[] requestLine = readLine(in).split(" ");
            String path = requestLine.length > 1 ? requestLine[1] : "";
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
            int length = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
                    .map(e -> Integer.parseInt(e.getValue())).findFirst().orElse(0);
            Reply reply = path.startsWith(PROBE) ? probe.apply(path.substring(PROBE.length()))
                    : handler.apply(new Request(headers, in.readNBytes(length), "http://" + headers.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase("Host")).map(Map.Entry::getValue).findFirst()
                            .orElse("127.0.0.1") + path));
            byte[] body = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " \r\n");
            reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length)
                    .append("\r\nConnection: close\r\n\r\n");
            OutputStream out = connection.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException | RuntimeException broken) {
            // the client went away or sent something else than a simple request: nothing to answer
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        executor.shutdownNow();
    }
}
