package dev.hookcheck.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A receiver that misbehaves on the socket: what a check must survive, within its deadline and memory. */
final class HostileReceiver implements AutoCloseable {
    enum Mode {
        /** Reads the request and never answers. */
        SILENT,
        /** Sends 200 and a Content-Length of 1 000, then one byte every 200 ms. */
        TRICKLE,
        /** Sends 200 and a 20 MB body as fast as it can. */
        HUGE,
        /**
         * Answers the first request of a kept-alive connection with 200 and closes the connection when the next
         * request arrives on it, unanswered: the race of a server that times a kept-alive connection out just as
         * the client reuses it, made certain.
         */
        CLOSES_KEPT_ALIVE,
        /** Reads the request and closes the connection without a byte of an answer. */
        DROPS
    }

    private final Mode mode;
    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-receiver");
        t.setDaemon(true);
        return t;
    });
    final AtomicInteger requests = new AtomicInteger();

    HostileReceiver(Mode mode) {
        this.mode = mode;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    executor.execute(() -> serve(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/webhooks");
    }

    private void serve(Socket connection) {
        try (connection) {
            readRequest(connection.getInputStream());
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            switch (mode) {
                case CLOSES_KEPT_ALIVE -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readRequest(connection.getInputStream());
                    requests.incrementAndGet();
                }
                case DROPS -> { }
                case SILENT -> Thread.sleep(Long.MAX_VALUE);
                case TRICKLE -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 1000; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case HUGE -> {
                    int size = 20 * 1024 * 1024;
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        out.write(chunk);
                    }
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up: that is the point
        }
    }

    /** Headers up to the blank line, then Content-Length bytes. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
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
