package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.Probe;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link Probe#http}: {@code GET} a URL template, read {@code {"count": n}}. */
public final class HttpProbe implements Probe {
    private static final String PLACEHOLDER = "{event_id}";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final String template;

    public HttpProbe(String template) {
        Objects.requireNonNull(template, "urlTemplate");
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("a probe URL needs the placeholder " + PLACEHOLDER
                    + ", for example http://localhost:8080/__probe/{event_id}; got '" + template + "'");
        }
        URI.create(template.replace(PLACEHOLDER, "x")); // fail now on a malformed URL, not in the middle of a run
        this.template = template;
    }

    @Override
    public int timesProcessed(String eventId) throws IOException, InterruptedException {
        URI uri = URI.create(template.replace(PLACEHOLDER, URLEncoder.encode(eventId, StandardCharsets.UTF_8)));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IOException("probe " + uri + " answered " + response.statusCode() + ", expected 200 with {\"count\": n}");
        }
        try {
            JsonNode count = JsonMapper.shared().readTree(response.body()).get("count");
            if (count == null || !count.isIntegralNumber()) {
                throw new IOException("probe " + uri + " answered without a whole \"count\": " + response.body());
            }
            return count.intValue();
        } catch (JacksonException notJson) {
            throw new IOException("probe " + uri + " answered something other than JSON {\"count\": n}");
        }
    }

    @Override
    public String toString() {
        return "Probe[" + template + "]";
    }
}
