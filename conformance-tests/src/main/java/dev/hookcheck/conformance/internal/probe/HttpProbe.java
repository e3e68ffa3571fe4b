package dev.hookcheck.conformance.internal.probe;

import dev.hookcheck.conformance.internal.Clients;
import dev.hookcheck.conformance.internal.Text;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code Probe.http}: {@code GET} a URL template, read {@code {"count": n}}. */
public final class HttpProbe {
    static final String PLACEHOLDER = "{event_id}";
    private final String template;
    private final HttpClient client;

    public HttpProbe(String template) {
        Objects.requireNonNull(template, "urlTemplate");
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("a probe URL needs the placeholder " + PLACEHOLDER
                    + ", for example http://localhost:8080/__probe/{event_id}; got '" + template + "'");
        }
        URI uri;
        try {
            uri = URI.create(template.replace(PLACEHOLDER, "x"));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("the probe URL is not a URL: '" + template + "'");
        }
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("the probe URL must be an absolute http or https URL such as"
                    + " http://localhost:8080/__probe/{event_id}, got '" + template + "'");
        }
        this.template = template;
        this.client = Clients.to(uri).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public int count(String eventId) throws IOException, InterruptedException {
        URI uri = URI.create(template.replace(PLACEHOLDER, URLEncoder.encode(eventId, StandardCharsets.UTF_8)));
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new IOException("probe " + uri + " did not answer within 10 s");
        } catch (java.net.ConnectException e) {
            throw new IOException("probe " + uri + ": connection refused");
        }
        if (response.statusCode() == 404) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IOException("probe " + uri + " answered " + response.statusCode()
                    + ", expected 200 with {\"count\": n} (or 404 for an event never seen)");
        }
        try {
            JsonNode count = JsonMapper.shared().readTree(response.body()).get("count");
            if (count == null || !count.isIntegralNumber() || count.longValue() < 0 || !count.canConvertToInt()) {
                throw new IOException("probe " + uri + " answered without a whole, non-negative \"count\": "
                        + Text.cut(response.body(), 200));
            }
            return count.intValue();
        } catch (JacksonException notJson) {
            throw new IOException("probe " + uri + " answered something other than JSON {\"count\": n}: "
                    + Text.cut(response.body(), 200));
        }
    }
}
