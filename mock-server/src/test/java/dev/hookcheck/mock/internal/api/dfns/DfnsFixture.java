package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A started mock server with two Dfns organizations (A and B, each with a key credential) and a
 * Vitable one, and a small HTTP client that checks every JSON answer against its schema and signs
 * the user action of every change for real, as the Dfns SDK does.
 */
final class DfnsFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final String ORG_A = "or-test-a";
    static final String ORG_B = "or-test-b";
    static final String KEY_A = "dfns-key-a";
    static final String KEY_B = "dfns-key-b";
    static final String KEY_OF_VITABLE = "vitable-key";

    final TestClock clock = new TestClock(START);
    final UserActionSigner signerA = UserActionSigner.ed25519("cred-a");
    final UserActionSigner signerB = UserActionSigner.ed25519("cred-b");
    final MockServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(42);

    DfnsFixture() {
        this(config -> config);
    }

    DfnsFixture(UnaryOperator<MockServerConfig> configure) {
        server = MockServer.create(configure.apply(MockServerConfig.defaults().withEventsPerProfile(0).withClock(clock)))
                .start();
        Store store = Internals.of(server).store();
        store.addOrganization(new Organization(ORG_A, "dfns", "Test A"));
        store.addOrganization(new Organization(ORG_B, "dfns", "Test B"));
        store.addOrganization(new Organization("org_vitable_test", "vitable", "Test Vitable"));
        store.addApiKey(KEY_A, "dfns", ORG_A);
        store.addApiKey(KEY_B, "dfns", ORG_B);
        store.addApiKey(KEY_OF_VITABLE, "vitable", "org_vitable_test");
        store.addCredential(signerA.credential(ORG_A));
        store.addCredential(signerB.credential(ORG_B));
    }

    Store store() {
        return Internals.of(server).store();
    }

    /** A request as organization A, with a user action signed for it on changes. */
    Call call(String method, String path) {
        return new Call(method, path).key(KEY_A).userAction(!method.equals("GET"));
    }

    Response get(String path) {
        return call("GET", path).send();
    }

    Response post(String path, String body) {
        return call("POST", path).body(body).send();
    }

    Response put(String path, String body) {
        return call("PUT", path).body(body).send();
    }

    Response delete(String path) {
        return call("DELETE", path).send();
    }

    /** {@code POST /auth/action/init} as {@code key}, for a request {@code method path} with {@code body} (null: empty). */
    Response init(String key, String method, String path, String body) {
        ObjectNode request = Json.object().put("userActionPayload", body == null ? "" : body)
                .put("userActionHttpMethod", method).put("userActionHttpPath", path).put("userActionServerKind", "Api");
        return new Call("POST", "/auth/action/init").key(key).body(request.toString()).send();
    }

    /** {@code POST /auth/action} as {@code key}, answering the challenge with {@code firstFactor}. */
    Response sign(String key, String challengeIdentifier, ObjectNode firstFactor) {
        ObjectNode request = Json.object().put("challengeIdentifier", challengeIdentifier);
        request.set("firstFactor", firstFactor);
        return new Call("POST", "/auth/action").key(key).body(request.toString()).send();
    }

    /** The whole flow: a user action token for {@code method path body}, signed by {@code signer}. */
    String userAction(String key, UserActionSigner signer, String method, String path, String body) {
        JsonNode challenge = init(key, method, path, body).expect(200, "user-action-challenge");
        return sign(key, challenge.path("challengeIdentifier").stringValue(),
                signer.assertion(challenge.path("challenge").stringValue()))
                .expect(200, "user-action").path("userAction").stringValue();
    }

    /** Creates a webhook of organization A through the API and returns the create response. */
    JsonNode createWebhook(String url, String events) {
        return post("/webhooks", "{\"url\":\"" + url + "\",\"events\":" + events + "}").expect(200, "webhook-created");
    }

    String newWebhookId() {
        return Profiles.get("dfns").ids().endpoint().generate(random);
    }

    String newEventId() {
        return Profiles.get("dfns").ids().event().generate(random);
    }

    /** A webhook put straight into the store. */
    Endpoint addWebhook(String organization) {
        Endpoint webhook = new Endpoint(newWebhookId(), "dfns", organization, "https://receiver.example/dfns", null, null,
                List.of("*"), true, null, null, List.of(Secret.of("whs-test-secret")), START, START, null);
        store().putEndpoint(webhook);
        return webhook;
    }

    Event addEvent(String organization, String kind, Instant createdAt, String dataJson) {
        String resourceType = Profiles.get("dfns").events().find(kind).orElseThrow().resourceType();
        Event event = new Event(newEventId(), "dfns", organization, kind, resourceType, "wa-aaaaa-bbbbb-cccccccccccccccc",
                createdAt, dataJson);
        store().addEvent(event);
        return event;
    }

    /** Records one attempt of {@code event} to {@code webhook}; a null status means no answer ({@code error} says why). */
    AttemptRecord addAttempt(Endpoint webhook, Event event, int number, Instant sentAt, Integer status, String error,
            String retryOf, Instant nextAttemptAt) {
        boolean succeeded = status != null && status == 200;
        AttemptRecord attempt = new AttemptRecord(newEventId(), "dlv-" + event.id(), webhook.id(), event.id(),
                webhook.organizationId(), "dfns", number, sentAt, retryOf, Map.of(), "{}", status, Map.of(), "", 12,
                error, succeeded, nextAttemptAt, null);
        store().addAttempt(attempt);
        return attempt;
    }

    @Override
    public void close() {
        server.close();
    }

    final class Call {
        private final String method;
        private final String path;
        private String key;
        private boolean userAction;
        private UserActionSigner signer = signerA;
        private String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The Bearer key; null sends no Authorization header. */
        Call key(String value) {
            key = value;
            return this;
        }

        Call userAction(boolean value) {
            userAction = value;
            return this;
        }

        /** Signs the user action with this signer (the key credential of organization A by default). */
        Call signer(UserActionSigner value) {
            signer = value;
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call body(String value) {
            body = value;
            return this;
        }

        Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            if (userAction) {
                // signed as the signer's organization, so that a call with a wrong Bearer key still carries a real token
                request.header("X-DFNS-USERACTION", DfnsFixture.this.userAction(signer == signerB ? KEY_B : KEY_A, signer, method,
                        path.replaceFirst("\\?.*", ""), body));
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Response(int status, String body) {
        /** Asserts the status and that the body is valid under {@code dfns/<schema>.schema.json}; returns the body. */
        JsonNode expect(int expectedStatus, String schema) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            Schemas.assertValid("dfns/" + schema + ".schema.json", body);
            return Json.MAPPER.readTree(body);
        }

        /** Asserts an error in Dfns's shape and returns its message. */
        String expectError(int expectedStatus) {
            return expect(expectedStatus, "error").path("error").path("message").stringValue();
        }
    }
}
