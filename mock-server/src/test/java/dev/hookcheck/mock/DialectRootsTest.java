package dev.hookcheck.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path a dialect owns answers errors in that dialect's shape, unknown routes and wrong methods included. */
class DialectRootsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "POST, /auth/login/init,             404, dfns/error",
            "GET,  /auth/action/init,            405, dfns/error",
            "GET,  /auth,                        404, dfns/error",
            "GET,  /wallets,                     404, dfns/error",
            "GET,  /v2/policies,                 404, dfns/error",
            "GET,  /webhooks/x/secrets,          404, dfns/error",
            "GET,  /v1/nothing,                  404, vitable/error",
            "POST, /v1/webhook-events,           405, vitable/error",
            "GET,  /api/management/nothing/,     404, preo/error",
            "GET,  /webhooksandmore,             404, admin/error",
            "GET,  /v1beta/x,                    404, admin/error",
            "GET,  /nothing,                     404, admin/error"})
    void theOwningDialectRendersTheError(String method, String path, int status, String schema)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.url(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Schemas.assertValid(schema + ".schema.json", response.body());
    }
}
