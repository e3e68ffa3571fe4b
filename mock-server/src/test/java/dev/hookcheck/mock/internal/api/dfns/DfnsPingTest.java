package dev.hookcheck.mock.internal.api.dfns;

import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_B;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /webhooks/{webhookId}/ping. */
class DfnsPingTest {
    private final DfnsFixture dfns = new DfnsFixture();
    private Receiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
        dfns.close();
    }

    private JsonNode webhookFor(String url) {
        return dfns.createWebhook(url, "[\"*\"]");
    }

    @Test
    void pingSendsASignedTestEventAndReportsStatus200() throws Exception {
        receiver = new Receiver(200);
        JsonNode webhook = webhookFor(receiver.url());

        JsonNode result = dfns.post("/webhooks/" + webhook.path("id").stringValue() + "/ping", null)
                .expect(200, "ping-result");

        assertThat(result.toString()).isEqualTo("{\"status\":\"200\"}");
        Receiver.Request request = receiver.take();
        assertThat(request).isNotNull();
        assertThat(request.headers()).hasEntrySatisfying("X-dfns-webhook-signature",
                value -> assertThat(value).matches("sha256=[0-9a-f]{64}"));
        Verification verification = Profiles.get("dfns").scheme().verify(request.headers(), request.body(),
                List.of(Secret.of(webhook.path("secret").stringValue())), Clock.fixed(START, ZoneOffset.UTC));
        assertThat(verification.isVerified()).as("%s", verification).isTrue();
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertThat(body.path("timestampSent").longValue()).isEqualTo(START.getEpochSecond());
        assertThat(body.path("deliveryAttempt").intValue()).isEqualTo(1);
    }

    @Test
    void pingIsNotStored() throws Exception {
        receiver = new Receiver(200);
        String id = webhookFor(receiver.url()).path("id").stringValue();
        int events = dfns.store().eventCount();
        int deliveries = dfns.store().deliveries().size();

        dfns.post("/webhooks/" + id + "/ping", null).expect(200, "ping-result");

        assertThat(receiver.take()).isNotNull();
        assertThat(dfns.store().eventCount()).isEqualTo(events);
        assertThat(dfns.store().deliveries()).hasSize(deliveries);
        assertThat(dfns.store().attemptsOfEndpoint(id)).isEmpty();
        assertThat(dfns.get("/webhooks/" + id + "/events").expect(200, "webhook-event-list").path("items").isEmpty())
                .isTrue();
    }

    @Test
    void aReceiverErrorIsReportedWithItsStatus() {
        receiver = new Receiver(500);
        String id = webhookFor(receiver.url()).path("id").stringValue();

        JsonNode result = dfns.post("/webhooks/" + id + "/ping", null).expect(200, "ping-result");

        assertThat(result.toString()).isEqualTo("{\"status\":\"500\",\"error\":\"HTTP 500\"}");
    }

    @Test
    void anyStatusButExactly200IsAFailedPing() {
        receiver = new Receiver(204);
        String id = webhookFor(receiver.url()).path("id").stringValue();

        JsonNode result = dfns.post("/webhooks/" + id + "/ping", null).expect(200, "ping-result");

        assertThat(result.toString()).isEqualTo("{\"status\":\"204\",\"error\":\"HTTP 204\"}");
    }

    @Test
    void aReceiverThatRefusesTheConnectionIsReportedByErrorCode() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = webhookFor("http://127.0.0.1:" + closedPort + "/dfns").path("id").stringValue();

        JsonNode result = dfns.post("/webhooks/" + id + "/ping", null).expect(200, "ping-result");

        assertThat(result.toString()).isEqualTo("{\"status\":\"refused\",\"error\":\"connection refused\"}");
    }

    @Test
    void aDisabledWebhookCanStillBePinged() throws Exception {
        receiver = new Receiver(200);
        String id = webhookFor(receiver.url()).path("id").stringValue();
        dfns.put("/webhooks/" + id, "{\"status\":\"Disabled\"}").expect(200, "webhook");

        JsonNode result = dfns.post("/webhooks/" + id + "/ping", null).expect(200, "ping-result");

        assertThat(result.path("status").stringValue()).isEqualTo("200");
        assertThat(receiver.take()).isNotNull();
    }

    @Test
    void pingOfAnUnknownWebhookIsA404() {
        String error = dfns.post("/webhooks/wh-aaaaa-bbbbb-cccccccccccccccc/ping", null).expectError(404);

        assertThat(error).isEqualTo("Webhook wh-aaaaa-bbbbb-cccccccccccccccc not found");
    }

    @Test
    void pingOfAnotherOrganizationsWebhookIsA404AndSendsNothing() {
        receiver = new Receiver(200);
        Endpoint theirs = dfns.addWebhook(ORG_B).withUrl(receiver.url(), START);
        dfns.store().putEndpoint(theirs);

        String error = dfns.post("/webhooks/" + theirs.id() + "/ping", null).expectError(404);

        assertThat(error).isEqualTo("Webhook " + theirs.id() + " not found");
        assertThat(receiver.pending()).isZero();
    }
}
