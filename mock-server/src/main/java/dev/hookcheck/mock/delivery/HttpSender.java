package dev.hookcheck.mock.delivery;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * POSTs one attempt with the JDK client: redirects never followed, the whole exchange bounded by the
 * timeout (a receiver that sends headers and then stalls cannot hold a thread), at most
 * {@link #MAX_BODY} bytes of the answer kept.
 */
final class HttpSender {
    static final int MAX_BODY = 4096;

    /**
     * @param status the receiver's status, null when no answer came
     * @param error {@code refused}, {@code timeout}, {@code reset} or {@code tls} when no answer came
     */
    record Response(Integer status, Map<String, String> headers, String body, long latencyMillis, String error) {}

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hookcheck-delivery-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Response post(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        // send() runs the exchange largely on this thread (sendAsync().get() costs three times as
        // much); a watchdog interrupts it at the deadline, so a receiver that answers headers and
        // then stalls the body cannot hold the thread either
        Thread self = Thread.currentThread();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(self::interrupt, timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        try {
            HttpResponse<String> response = client.send(request.build(), info -> new Limited());
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> answered.put(k, String.join(", ", v)));
            return new Response(response.statusCode(), answered, response.body(), millisSince(start), null);
        } catch (HttpTimeoutException e) {
            return failed(start, "timeout");
        } catch (InterruptedException e) {
            return failed(start, watchdog.isDone() ? "timeout" : "interrupted");
        } catch (ConnectException e) {
            return failed(start, "refused");
        } catch (SSLException e) {
            return failed(start, "tls");
        } catch (IOException e) {
            return failed(start, e.getCause() instanceof ConnectException ? "refused" : "reset");
        } finally {
            watchdog.cancel(false);
            Thread.interrupted(); // a watchdog that fired just as the answer came must not leak
        }
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
