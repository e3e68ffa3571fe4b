package dev.hookcheck.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the harness must send what no
 * well-behaved client would (a NUL in the path, a 1 MB request line, a body in another charset, a
 * forged Host), byte for byte.
 */
final class Wire {
    /** What was sent, as a request; {@code head} is the request line and headers without the final blank line. */
    record Request(String head, byte[] body) {
        String method() {
            return head.substring(0, Math.max(0, head.indexOf(' ')));
        }

        /** The request target as sent, possibly long. */
        String target() {
            int start = head.indexOf(' ') + 1;
            int end = head.indexOf(' ', start);
            return end < 0 ? head.substring(start) : head.substring(start, end);
        }
    }

    /** The answer; {@code status} is 0 when the server closed without one. Header names in lower case. */
    record Answer(int status, Map<String, String> headers, String body, long millis) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final InetSocketAddress address;

    Wire(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    String hostHeader() {
        return address.getHostString() + ":" + address.getPort();
    }

    Answer send(Request request) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(30_000);
            String lines = request.head().replaceAll("(\r\n)+$", "");
            byte[] head = (lines + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            InputStream in = socket.getInputStream();
            if (write(socket.getOutputStream(), in, head) && write(socket.getOutputStream(), in, request.body())) {
                socket.shutdownOutput();
            }
            byte[] raw = readAll(in);
            return parse(raw, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Answer(0, Map.of(), "no answer: " + e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Writes piece by piece; false when the server answered or closed first (it refused early). */
    private static boolean write(OutputStream out, InputStream in, byte[] bytes) {
        try {
            for (int at = 0; at < bytes.length; at += 16384) {
                if (in.available() > 0) {
                    return false;
                }
                out.write(bytes, at, Math.min(16384, bytes.length - at));
            }
            out.flush();
            return true;
        } catch (IOException closedEarly) {
            return false;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw, long millis) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        while (text.startsWith("HTTP/1.1 100")) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(0, Map.of(), "no answer: " + text.length() + " bytes without a head", millis);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        String rest = text.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            rest = dechunk(rest);
        }
        return new Answer(status, headers, new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                millis);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
