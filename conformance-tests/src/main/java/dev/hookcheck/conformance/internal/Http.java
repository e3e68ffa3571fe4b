package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.core.profile.Handshake;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * POSTs deliveries to the receiver with the JDK client: HTTP/1.1 (header names go out in the letter
 * case a check chose), redirects never followed, every text recorded with secrets blanked. One
 * deadline covers the whole exchange, headers and body: a receiver that sends its headers and then
 * trickles the body gets no more time than one that never answers. At most {@link #MAX_RESPONSE_BYTES}
 * of an answer's body are read; the rest is never downloaded.
 */
public final class Http {
    /** How much of a response body is read: the evidence needs kilobytes, not megabytes. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final int MAX_BODY_CHARS = 4000;
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private final HttpClient client;
    private final URI url;
    private final Redactor redactor;

    public Http(Receiver receiver) {
        this.client = Clients.to(receiver.url()).connectTimeout(receiver.timeout()).build();
        this.url = receiver.url();
        this.redactor = new Redactor(receiver.secrets());
    }

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hookcheck-exchange-deadline");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
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
        URI target = delivery.url() == null ? url : URI.create(delivery.url());
        return sendAsync("POST", target, delivery.headers(), delivery.body(), timeout);
    }

    /** A provider's endpoint verification handshake to the receiver's URL (some are GET requests with a query). */
    Exchange send(Handshake.Request request, Duration timeout) {
        return sendAsync(request.method(), URI.create(request.url(url.toString())), request.headers(), request.body(),
                timeout).join();
    }

    private CompletableFuture<Exchange> sendAsync(String method, URI target, Map<String, String> requestHeaders,
            byte[] requestBody, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, requestBody.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(requestBody));
        requestHeaders.forEach(builder::header);
        CheckResult.Request recorded = new CheckResult.Request(method, redactor.redact(target.toString()),
                redact(requestHeaders), cut(redactor.redact(new String(requestBody, StandardCharsets.UTF_8)),
                        requestBody.length, false), requestBody.length);
        long start = System.nanoTime();
        return exchange(builder.build(), start, timeout, true)
                .thenApply(outcome -> {
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    if (outcome.error() != null) {
                        return new Exchange(recorded, null, null, failure(outcome.error(), timeout), elapsed);
                    }
                    HttpResponse<Capped.Body> response = outcome.response();
                    Capped.Body read = response.body();
                    String body = redactor.redact(new String(read.bytes(), StandardCharsets.UTF_8));
                    Map<String, String> headers = new LinkedHashMap<>();
                    response.headers().map().forEach((name, values) -> {
                        if (!name.startsWith(":")) {
                            headers.put(name, redactor.redact(String.join(", ", values)));
                        }
                    });
                    return new Exchange(recorded, new CheckResult.Response(response.statusCode(), headers,
                            cut(body, read.bytes().length, read.truncated())), body, null, elapsed);
                });
    }

    private record Outcome(HttpResponse<Capped.Body> response, Throwable error) {}

    /**
     * One exchange, sent a second time when the connection failed before a byte of an answer came. A kept-alive
     * connection that the receiver closed meanwhile (an HTTP/1.0 server after each answer, Node after five idle
     * seconds, any server under load) fails the next request that way, and the JDK resends only GET and HEAD:
     * a correct receiver would look dead. A receiver that really drops requests without answering fails the
     * resend too, and a duplicate it processed is one a correct receiver deduplicates.
     */
    private CompletableFuture<Outcome> exchange(HttpRequest request, long start, Duration timeout, boolean resend) {
        long deadline = start + timeout.toNanos();
        AtomicBoolean answered = new AtomicBoolean();
        return client.sendAsync(request, info -> {
                    answered.set(true);
                    return new Capped(deadline);
                })
                .handle((response, error) -> new Outcome(response, error == null ? null : unwrap(error)))
                .thenCompose(outcome -> {
                    Throwable error = outcome.error();
                    boolean dropped = error instanceof IOException && !(error instanceof HttpTimeoutException)
                            && !(error instanceof ConnectException) && !answered.get();
                    return resend && dropped && System.nanoTime() < deadline
                            ? exchange(request, System.nanoTime(), Duration.ofNanos(deadline - System.nanoTime()), false)
                            : CompletableFuture.completedFuture(outcome);
                });
    }

    /**
     * Reads at most {@link #MAX_RESPONSE_BYTES} of a body and gives up at the exchange's deadline; either way
     * it cancels its subscription, which closes the connection instead of downloading the rest.
     */
    private static final class Capped implements HttpResponse.BodySubscriber<Capped.Body> {
        record Body(byte[] bytes, boolean truncated) {}

        private final long deadline;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private ScheduledFuture<?> timer;

        Capped(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            long left = deadline - System.nanoTime();
            timer = DEADLINES.schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
            s.request(Long.MAX_VALUE);
        }

        private void expire() {
            subscription.cancel();
            result.completeExceptionally(new HttpTimeoutException("the body did not arrive in time"));
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            synchronized (bytes) {
                for (ByteBuffer buffer : buffers) {
                    int room = MAX_RESPONSE_BYTES - bytes.size();
                    int take = Math.min(room, buffer.remaining());
                    byte[] chunk = new byte[take];
                    buffer.get(chunk);
                    bytes.write(chunk, 0, take);
                    if (buffer.hasRemaining()) {
                        finish(true);
                        subscription.cancel();
                        return;
                    }
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            timer.cancel(false);
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            synchronized (bytes) {
                finish(false);
            }
        }

        private void finish(boolean truncated) {
            timer.cancel(false);
            result.complete(new Body(bytes.toByteArray(), truncated));
        }
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
            return "no connection to " + url + " (connection refused)";
        }
        if (error instanceof IOException) {
            return "no answer (" + redactor.redact(error.getMessage() == null ? "the connection was closed"
                    : Text.cut(error.getMessage(), 200)) + ")";
        }
        return "no answer (the exchange failed)";
    }

    private static String cut(String text, int bytes, boolean truncated) {
        String suffix = truncated ? "… (more than " + MAX_RESPONSE_BYTES + " bytes; the rest was not read)"
                : "… (" + bytes + " bytes in all)";
        if (text.length() <= MAX_BODY_CHARS) {
            return truncated ? text + suffix : text;
        }
        return text.substring(0, MAX_BODY_CHARS) + suffix;
    }
}
