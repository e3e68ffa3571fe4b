package dev.hookcheck.mock.internal.api.dfns;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on a free port that answers every POST with one status and records what it got. */
final class Receiver implements AutoCloseable {
    record Request(Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    Receiver(int status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            requests.add(new Request(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dfns";
    }

    /** The next request received, or null if none came within a few seconds. */
    Request take() throws InterruptedException {
        return requests.poll(5, TimeUnit.SECONDS);
    }

    /** Requests received and not taken yet. */
    int pending() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
