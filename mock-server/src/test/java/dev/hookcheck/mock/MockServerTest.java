package dev.hookcheck.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.store.Store;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private MockServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnAFreePortAndAnswersHealth() throws Exception {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start();

        HttpResponse<String> health = get("/__admin/health");

        assertThat(server.port()).isPositive();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void aProviderApiRequestWaitsForItsOwnProfilesHistoryOnlyAndTheAdminApiForEveryOne() throws Exception {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(30).withApiKey("sandbox")).start();
        Store store = Internals.accountsOf(server).store();
        assertThat(store.eventCount()).isZero();

        HttpResponse<String> vitable = http.send(HttpRequest.newBuilder(server.url("/v1/webhook-events?limit=1"))
                .header("Authorization", "Bearer sandbox").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(vitable.statusCode()).isEqualTo(200);
        assertThat(vitable.body()).contains("\"data\":[{");
        assertThat(store.eventCount()).isEqualTo(30);

        HttpResponse<String> admin = get("/__admin/deliveries?profile=stripe&limit=1");

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(store.eventCount()).isEqualTo(30 * Profiles.names().size());
    }

    @Test
    void thePortCannotBeReadBeforeStart() {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0));
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessage("call start() first");
    }

    @Test
    void closeMayBeCalledTwiceAndAClosedServerCannotStartAgain() {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start();
        server.close();
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownRouteIsAJson404() throws Exception {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start();

        HttpResponse<String> response = get("/__admin/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(response.body()).contains("no route GET /__admin/nothing-here");
    }

    @Test
    void aWrongMethodIsAJson405() throws Exception {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.url("/__admin/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("not allowed");
    }
}
