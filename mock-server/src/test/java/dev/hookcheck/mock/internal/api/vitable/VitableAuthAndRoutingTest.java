package dev.hookcheck.mock.internal.api.vitable;

import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.DFNS_KEY;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.KEY_A;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.ORG_A;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.store.EventFilter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys, unknown routes and wrong methods under /v1/, all answered in Vitable's error envelope. */
class VitableAuthAndRoutingTest {
    private static final String UNAUTHORIZED =
            "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Invalid or missing API key\"}}";

    private static VitableTestServer vitable;
    private static Event event;

    @BeforeAll
    static void start() {
        vitable = new VitableTestServer();
        event = vitable.addEvent(ORG_A, "enrollment.started", vitable.resourceId("enrollment"),
                Instant.parse("2026-03-02T09:15:00Z"));
    }

    @AfterAll
    static void stop() {
        vitable.close();
    }

    private static HttpResponse<String> withAuthorization(String path, String authorization) {
        return vitable.send(HttpRequest.newBuilder(vitable.server.url(path)).header("Authorization", authorization).build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1/webhook-events", "/v1/webhook-events/EVENT", "/v1/webhook-events/EVENT/deliveries"})
    void aRequestWithoutAnApiKeyIsA401WithTheDocumentedBody(String path) {
        String body = expect(vitable.get(path.replace("EVENT", event.id()), null), 401, "error");

        assertThat(body).isEqualTo(UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1/webhook-events", "/v1/webhook-events/EVENT", "/v1/webhook-events/EVENT/deliveries"})
    void anUnknownApiKeyIsA401WithTheDocumentedBody(String path) {
        String body = expect(vitable.get(path.replace("EVENT", event.id()), "not-a-key"), 401, "error");

        assertThat(body).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aKeyOfAnotherProfileIsA401() {
        String body = expect(vitable.get("/v1/webhook-events", DFNS_KEY), 401, "error");

        assertThat(body).isEqualTo(UNAUTHORIZED);
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Basic dml0YWJsZS10ZXN0LWtleS1hOg==", "Bearer", "Bearer ", KEY_A, "Token " + KEY_A})
    void anAuthorizationThatIsNotABearerKeyIsA401(String authorization) {
        String body = expect(withAuthorization("/v1/webhook-events", authorization), 401, "error");

        assertThat(body).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        expect(withAuthorization("/v1/webhook-events", "bearer " + KEY_A), 200, "webhook-event-list");
    }

    @Test
    void theKeyIsCheckedBeforeTheParameters() {
        String body = expect(vitable.get("/v1/webhook-events?limit=0", null), 401, "error");

        assertThat(body).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void anUnknownRouteUnderV1IsA404InVitablesShape() {
        String body = expect(vitable.get("/v1/subscriptions", KEY_A), 404, "error");

        assertThat(body).isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"no route GET /v1/subscriptions\"}}");
    }

    @Test
    void aPathBelowAnEventsDeliveriesIsA404() {
        expect(vitable.get("/v1/webhook-events/" + event.id() + "/deliveries/wdlv_x", KEY_A), 404, "error");
    }

    @Test
    void creatingAnEventIsA405BecauseTheApiIsReadOnly() {
        HttpResponse<String> response = vitable.send(HttpRequest.newBuilder(vitable.server.url("/v1/webhook-events"))
                .header("Authorization", "Bearer " + KEY_A).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        String body = expect(response, 405, "error");
        assertThat(body).isEqualTo("{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"Method \\\"POST\\\" not allowed.\"}}");
        assertThat(vitable.store().events(ORG_A, EventFilter.ALL, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void deletingAnEventIsA405AndKeepsIt() {
        HttpResponse<String> response = vitable.send(HttpRequest.newBuilder(vitable.server.url("/v1/webhook-events/"
                + event.id())).header("Authorization", "Bearer " + KEY_A).DELETE().build());

        expect(response, 405, "error");
        assertThat(vitable.store().event(event.id())).isPresent();
    }
}
