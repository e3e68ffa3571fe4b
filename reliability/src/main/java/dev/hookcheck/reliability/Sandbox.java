package dev.hookcheck.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A running {@code hookcheck serve} and well-behaved calls to it (setting up, reading back). Its
 * default organization of every profile is opened by {@link #KEY}; {@link #otherKey} opens the
 * profile's second organization.
 */
final class Sandbox implements AutoCloseable {
    static final String KEY = "reliability-key";

    private final Serve serve;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A JSON answer. */
    record Reply(int status, JsonNode json, String body) {
        JsonNode expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException("expected " + wanted + ", got " + status + ": " + Verdicts.cut(body));
            }
            return json;
        }
    }

    private Sandbox(Serve serve) {
        this.serve = serve;
    }

    /** {@code serve} with {@code events} seeded per profile, the clock stopped (only advancing moves it). */
    static Sandbox start(Path jar, String maxHeap, int events, String... more) {
        List<String> args = new ArrayList<>(List.of("--events", Integer.toString(events), "--time-scale", "0", "--seed", "7",
                "--api-key", KEY));
        args.addAll(List.of(more));
        return new Sandbox(Serve.start(jar, maxHeap, args.toArray(String[]::new)));
    }

    Serve serve() {
        return serve;
    }

    String baseUrl() {
        return serve.baseUrl();
    }

    Reply call(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(90))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            try {
                parsed = response.body().isEmpty() ? null : OpenApi.JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // kept as text
            }
            return new Reply(response.statusCode(), parsed, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply admin(String method, String path, String json) {
        return call(method, path, json, Map.of());
    }

    /** A provider API call with {@code key}; Dfns writes also carry a user action. */
    Reply provider(String method, String path, String key, String json) {
        return call(method, path, json, path.startsWith("/webhooks") && !method.equals("GET")
                ? Map.of("Authorization", "Bearer " + key, "X-DFNS-USERACTION", "reliability")
                : Map.of("Authorization", "Bearer " + key));
    }

    /**
     * The default organization of {@code profile}, the one {@link #KEY} opens: {@code serve --api-key} opens the
     * first organization of every profile.
     */
    String organization(String profile) {
        return admin("GET", "/__admin/organizations?profile=" + profile, null).expect(200).get("organizations").get(0)
                .get("id").asString();
    }

    /**
     * A key of the profile's other organization (not the one {@link #KEY} opens), made for the run: a list never
     * shows a whole key, the answer that makes one does.
     */
    String otherKey(String profile) {
        return admin("POST", "/__admin/api-keys", "{\"profile\":\"" + profile + "\",\"organizationId\":\""
                + otherOrganization(profile) + "\"}").expect(201).get("key").asString();
    }

    String otherOrganization(String profile) {
        String mine = organization(profile);
        for (JsonNode org : admin("GET", "/__admin/organizations?profile=" + profile, null).expect(200).get("organizations")) {
            if (!org.get("id").asString().equals(mine)) {
                return org.get("id").asString();
            }
        }
        throw new IllegalStateException("profile " + profile + " has one organization only");
    }

    /** Switches off every endpoint of the organization (the seeded ones point at hosts that cannot answer). */
    void disableEndpointsOf(String organizationId) {
        for (JsonNode e : admin("GET", "/__admin/endpoints?organizationId=" + organizationId, null).expect(200).get("endpoints")) {
            admin("PATCH", "/__admin/endpoints/" + e.get("id").asString(), "{\"enabled\":false}").expect(200);
        }
    }

    @Override
    public void close() {
        serve.close();
    }
}
