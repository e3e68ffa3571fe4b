package dev.hookcheck.mock.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: a NUL or a bad
 * percent-encoding in the path, a request line of 9 KB, a body larger than it says. One request per
 * connection ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {
    private RawHttp() {}

    /** The answer as the client sees it; header names in lower case. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body} as they are. */
    public static Answer send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String lines = head.replaceAll("(\r\n)+$", "");
            byte[] request = (lines + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            InputStream in = socket.getInputStream();
            // a server that refuses a request early answers before it has read it all: stop sending then
            if (write(socket.getOutputStream(), in, request) && write(socket.getOutputStream(), in, body)) {
                socket.shutdownOutput();
            }
            return parse(readAll(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} piece by piece; false when the server answered (or closed) first. */
    private static boolean write(OutputStream out, InputStream in, byte[] bytes) {
        try {
            for (int at = 0; at < bytes.length; at += 8192) {
                if (in.available() > 0) {
                    return false;
                }
                out.write(bytes, at, Math.min(8192, bytes.length - at));
                out.flush();
            }
            return true;
        } catch (IOException closedEarly) {
            return false;
        }
    }

    public static Answer send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
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

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        // a 100 Continue may come first
        while (text.startsWith("HTTP/1.1 100")) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String rest = text.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            rest = dechunk(rest);
        }
        byte[] bodyBytes = rest.getBytes(StandardCharsets.ISO_8859_1);
        return new Answer(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
