package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Receiver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs deliveries to the receiver with the JDK client: HTTP/1.1 (header names go out in the letter
 * case a check chose), redirects never followed, every text recorded with secrets blanked.
 */
final class Http {
    private static final int MAX_BODY_CHARS = 4000;

    private final HttpClient client;
    private final URI url;
    private final Redactor redactor;

    Http(Receiver receiver) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(receiver.timeout())
                .build();
        this.url = receiver.url();
        this.redactor = new Redactor(receiver.secrets());
    }

    Exchange send(Delivery delivery, Duration timeout) {
        return sendAsync(delivery, timeout).join();
    }

    /** Sends every delivery at once and waits for all answers, in the order given. */
    List<Exchange> sendAll(List<Delivery> deliveries, Duration timeout) {
        List<CompletableFuture<Exchange>> pending = deliveries.stream().map(d -> sendAsync(d, timeout)).toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Exchange> sendAsync(Delivery delivery, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(builder::header);
        CheckResult.Request recorded = new CheckResult.Request("POST", url.toString(), redact(delivery.headers()),
                cut(redactor.redact(delivery.bodyText()), delivery.body().length));
        long start = System.nanoTime();
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    if (error != null) {
                        return new Exchange(recorded, null, null, failure(unwrap(error), timeout), elapsed);
                    }
                    String body = redactor.redact(new String(response.body(), StandardCharsets.UTF_8));
                    Map<String, String> headers = new LinkedHashMap<>();
                    response.headers().map().forEach((name, values) -> {
                        if (!name.startsWith(":")) {
                            headers.put(name, redactor.redact(String.join(", ", values)));
                        }
                    });
                    return new Exchange(recorded, new CheckResult.Response(response.statusCode(), headers,
                            cut(body, response.body().length)), body, null, elapsed);
                });
    }

    private Map<String, String> redact(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, redactor.redact(value)));
        return out;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private String failure(Throwable error, Duration timeout) {
        if (error instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (error instanceof ConnectException) {
            return "no connection to " + url + " (" + error.getClass().getSimpleName() + ")";
        }
        if (error instanceof IOException) {
            return "no answer (" + redactor.redact(String.valueOf(error.getMessage())) + ")";
        }
        return "no answer (" + error.getClass().getSimpleName() + ")";
    }

    private static String cut(String text, int bytes) {
        return text.length() <= MAX_BODY_CHARS ? text
                : text.substring(0, MAX_BODY_CHARS) + "… (" + bytes + " bytes in all)";
    }
}
