package dev.hookcheck.mock.internal.delivery;

import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * POSTs one attempt with the JDK client: redirects never followed, the whole exchange bounded by the
 * timeout (a receiver that sends headers and then stalls cannot hold a thread), at most
 * {@link #MAX_BODY} bytes of the answer kept. {@link #post} sends on the calling thread (three times cheaper
 * than waiting on {@code sendAsync}); {@link #postAsync} sends concurrent copies of a request
 * ({@code duplicate}) without a thread of their own.
 */
final class HttpSender {
    static final int MAX_BODY = 4096;

    /**
     * @param status the receiver's status, null when no answer came
     * @param error {@code refused}, {@code timeout}, {@code reset} or {@code tls} when no answer came
     */
    record Response(Integer status, Map<String, String> headers, String body, long latencyMillis, String error) {}

    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private static ScheduledExecutorService watchdog() {
        var executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hookcheck-delivery-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // answered attempts leave nothing behind
        return executor;
    }

    /** Endpoint URLs parsed once: a sandbox has few endpoints and sends to each many times. */
    private final Map<String, URI> uris = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Made on the first delivery: building a client initialises the TLS stack and reads the trust store
     * (a few hundred milliseconds of a cold start), which a sandbox that has not delivered yet does not need.
     */
    private volatile HttpClient client;

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            // providers send HTTP/1.1; an h2c upgrade offer would be ours alone
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    /** Sends and waits for the answer; an interrupted wait (shutdown) abandons the exchange. */
    Response post(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        long start = System.nanoTime();
        HttpRequest request = request(url, headers, body, timeout);
        // send() runs the exchange largely on this thread (sendAsync().get() costs three times as
        // much); a watchdog interrupts it at the deadline, so a receiver that answers headers and
        // then stalls the body cannot hold the thread either
        Thread self = Thread.currentThread();
        // the flag is set before the interrupt, so whoever sees the interrupt knows it was the deadline
        // (a future's isDone() only turns true after the interrupt, hence "interrupted" for timeouts)
        AtomicBoolean deadline = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            deadline.set(true);
            self.interrupt();
        }, timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        try {
            return answered(client().send(request, info -> new Limited()), start);
        } catch (HttpTimeoutException e) {
            return failed(start, "timeout");
        } catch (InterruptedException e) {
            return failed(start, deadline.get() ? "timeout" : "interrupted");
        } catch (ConnectException e) {
            return failed(start, "refused");
        } catch (SSLException e) {
            return failed(start, "tls");
        } catch (IOException e) {
            // an interrupt at the deadline can also surface as an I/O failure of the exchange
            return failed(start, deadline.get() ? "timeout" : e.getCause() instanceof ConnectException ? "refused" : "reset");
        } finally {
            if (!watchdog.cancel(false)) {
                while (!watchdog.isDone()) {
                    Thread.onSpinWait(); // it is interrupting this thread right now: let it finish first
                }
            }
            Thread.interrupted(); // a watchdog that fired just as the answer came must not leak into the next task
        }
    }

    /** Sends without holding a thread while the receiver thinks; the answer always completes normally. */
    CompletableFuture<Response> postAsync(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        long start = System.nanoTime();
        return exchange(url, headers, body, timeout, start)
                .handle((response, timedOut) -> response != null ? response : failed(start, "timeout"));
    }

    /**
     * The answer, or a {@link java.util.concurrent.TimeoutException} a little after the timeout: the
     * request timeout covers the headers only, so a receiver that then stalls the body is cut off
     * here. Timing out or cancelling it abandons the exchange.
     */
    private CompletableFuture<Response> exchange(String url, Map<String, String> headers, byte[] body, Duration timeout,
            long start) {
        CompletableFuture<HttpResponse<String>> exchange = client().sendAsync(request(url, headers, body, timeout),
                info -> new Limited());
        CompletableFuture<Response> answer = new CompletableFuture<>();
        exchange.whenComplete((response, error) -> answer.complete(error == null ? answered(response, start)
                : failed(start, classify(error instanceof CompletionException ? error.getCause() : error))));
        answer.orTimeout(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        answer.whenComplete((response, error) -> {
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    /** What the JDK's client sends as {@code User-Agent} when the attempt sets none. */
    static final String DEFAULT_USER_AGENT = "Java-http-client/" + System.getProperty("java.version");

    /**
     * The headers an attempt goes out with: its own, then what the client adds on HTTP/1.1 ({@code Host},
     * {@code Content-Length}, and {@code User-Agent} unless the attempt set one). A test compares them with
     * what a raw socket receives.
     */
    static Map<String, String> asSent(String url, Map<String, String> headers, int bodyLength) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        URI uri = URI.create(url);
        sent.put("Host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        sent.put("Content-Length", Integer.toString(bodyLength));
        if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            sent.put("User-Agent", DEFAULT_USER_AGENT);
        }
        return sent;
    }

    private HttpRequest request(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uris.computeIfAbsent(url, URI::create)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private static Response answered(HttpResponse<String> response, long start) {
        Map<String, String> answered = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> answered.put(k, String.join(", ", v)));
        return new Response(response.statusCode(), answered, response.body(), millisSince(start), null);
    }

    private static String classify(Throwable cause) {
        return cause instanceof HttpTimeoutException ? "timeout"
                : cause instanceof ConnectException ? "refused"
                : cause instanceof SSLException ? "tls"
                : cause instanceof IOException ? "reset" : "error";
    }

    private static Response failed(long start, String error) {
        return new Response(null, Map.of(), null, millisSince(start), error);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Keeps the first {@link #MAX_BODY} bytes of a body and drains the rest. */
    private static final class Limited implements HttpResponse.BodySubscriber<String> {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), MAX_BODY - kept.size());
                if (take > 0) {
                    byte[] chunk = new byte[take];
                    buffer.get(chunk);
                    kept.write(chunk, 0, take);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toString(StandardCharsets.UTF_8));
        }
    }
}
