package dev.hookcheck.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, well-behaved or hostile, on plain sockets so that it can misbehave
 * at the byte level: hang after reading the request, reset the connection, answer 500 forever,
 * stream a 100 MB answer slowly, redirect to itself. {@link #refusing} is a port nobody listens on.
 */
final class Receiver implements AutoCloseable {
    enum Behaviour {
        /** 200 at once. */
        OK,
        /** reads the request, never answers. */
        HANG,
        /** reads the request, then resets the connection. */
        RESET,
        /** 500, every time. */
        ERROR_500,
        /** 200 with a 100 MB body, sent 16 KiB every 50 ms. */
        SLOW_100MB,
        /** 302 to itself, every time. */
        REDIRECT_LOOP,
        /** 200 with a 100 MB body, as fast as the client reads it. */
        FAST_100MB
    }

    static final long HUNDRED_MB = 100L * 1024 * 1024;

    private final Behaviour behaviour;
    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "receiver");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    /** How often each {@code webhook-id} (or body, where there is none) arrived. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final int port;

    private Receiver(Behaviour behaviour, ServerSocket socket) {
        this.behaviour = behaviour;
        this.socket = socket;
        this.port = socket.getLocalPort();
        Thread acceptor = new Thread(this::accept, "receiver-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static Receiver start(Behaviour behaviour) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            return new Receiver(behaviour, socket);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A URL on a loopback port that nothing listens on: every connection is refused. */
    static String refusing() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + free.getLocalPort() + "/hook";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    Behaviour behaviour() {
        return behaviour;
    }

    int requests() {
        return requests.get();
    }

    Map<String, AtomicInteger> received() {
        return received;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(contentLength(head));
                requests.incrementAndGet();
                String key = header(head, "webhook-id");
                received.computeIfAbsent(key != null ? key : new String(body, StandardCharsets.UTF_8), k -> new AtomicInteger())
                        .incrementAndGet();
                switch (behaviour) {
                    case OK -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    case ERROR_500 -> out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!")
                            .getBytes(StandardCharsets.US_ASCII));
                    case REDIRECT_LOOP -> out.write(("HTTP/1.1 302 Found\r\nLocation: " + url() + "\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    case HANG -> {
                        in.read(); // until the client gives up and closes
                        return;
                    }
                    case RESET -> {
                        connection.setSoLinger(true, 0);
                        return;
                    }
                    case SLOW_100MB -> {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + HUNDRED_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = new byte[16 * 1024];
                        for (long sent = 0; sent < HUNDRED_MB; sent += chunk.length) {
                            out.write(chunk);
                            out.flush();
                            Thread.sleep(50);
                        }
                        return;
                    }
                    case FAST_100MB -> {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + HUNDRED_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = new byte[64 * 1024];
                        for (long sent = 0; sent < HUNDRED_MB; sent += chunk.length) {
                            out.write(chunk);
                        }
                        out.flush();
                    }
                    default -> throw new IllegalStateException(behaviour.toString());
                }
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away: that is what these receivers are for
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0;) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        String value = header(head, "content-length");
        return value == null ? 0 : Integer.parseInt(value.strip());
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        connections.shutdownNow();
    }
}
