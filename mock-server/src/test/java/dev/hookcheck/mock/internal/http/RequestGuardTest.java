package dev.hookcheck.mock.internal.http;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.RawHttp.Answer;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every request must pass before its route: a loopback Host on a loopback server (DNS
 * rebinding), no method override, a query that decodes, and on the admin API the admin token when
 * one is set and no cross-site write.
 */
class RequestGuardTest {
    private static final String TOKEN = "s3cret-admin-token";
    private static final String EVENT = "{\"profile\":\"standard\",\"type\":\"invoice.paid\"}";

    private MockServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private MockServer start(MockServerConfig config) {
        server = MockServer.create(config.withEventsPerProfile(0).withApiKey("guard-key")).start();
        return server;
    }

    private Answer request(String method, String path, String headers, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String length = body == null ? "" : "Content-Length: " + bytes.length + "\r\n";
        return RawHttp.send(server.port(), method + " " + path + " HTTP/1.1\r\n" + headers + length, bytes);
    }

    private static String host(MockServer server) {
        return "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    private static void assertAdminError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        Schemas.assertValid("admin/error.schema.json", answer.body());
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }

    // Host (DNS rebinding)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:9", "[::1]:8080", "app.localhost"})
    void aLoopbackHostIsServed(String host) {
        start(MockServerConfig.defaults());
        assertThat(request("GET", "/__admin/health", "Host: " + host + "\r\n", null).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"evil.example", "evil.example:8080", "192.168.1.20", "localhost.evil.example"})
    void anotherHostIsRefusedOnALoopbackServer(String host) {
        start(MockServerConfig.defaults());

        Answer answer = request("GET", "/__admin/endpoints", "Host: " + host + "\r\n", null);

        assertAdminError(answer, 403, "forbidden");
        assertThat(answer.body()).contains("DNS rebinding");
    }

    @Test
    void anyHostIsServedWhenTheServerListensOnEveryInterface() {
        start(MockServerConfig.defaults().withHost("0.0.0.0"));
        assertThat(request("GET", "/__admin/health", "Host: sandbox.internal:8080\r\n", null).status()).isEqualTo(200);
    }

    // method override

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void aGetWithAMethodOverrideIsRefusedAndDeletesNothing(String header) {
        start(MockServerConfig.defaults());
        Answer created = request("POST", "/__admin/endpoints", host(server) + "Content-Type: application/json\r\n",
                "{\"profile\":\"standard\",\"url\":\"https://example.com/hook\"}");
        String id = Json.MAPPER.readTree(created.body()).get("id").stringValue();

        Answer answer = request("GET", "/__admin/endpoints/" + id, host(server) + header + ": DELETE\r\n", null);

        assertAdminError(answer, 400, "invalid_request");
        assertThat(Internals.of(server).store().endpoint(id)).isPresent();
    }

    @Test
    void aProviderRouteRefusesAMethodOverrideToo() {
        start(MockServerConfig.defaults());
        List<Endpoint> before = Internals.of(server).store().endpointsOfProfile("preo");

        Answer answer = request("GET", "/api/management/webhooks/", host(server) + "Authorization: Bearer guard-key\r\n"
                + "X-HTTP-Method-Override: POST\r\n", null);

        assertThat(answer.status()).isEqualTo(400);
        Schemas.assertValid("preo/error.schema.json", answer.body());
        assertThat(Internals.of(server).store().endpointsOfProfile("preo")).isEqualTo(before);
    }

    // query

    @Test
    void aFilterWithABadPercentEncodingIsA400NotASilentlyDroppedFilter() {
        start(MockServerConfig.defaults());

        Answer answer = request("GET", "/v1/webhook-events?event_name=%zz", host(server) + "Authorization: Bearer guard-key\r\n",
                null);

        assertThat(answer.status()).isEqualTo(400);
        Schemas.assertValid("vitable/error.schema.json", answer.body());
        assertThat(answer.body()).contains("event_name");
    }

    @Test
    void aPercentEncodedUtf8QueryIsFine() {
        start(MockServerConfig.defaults());
        Answer answer = request("GET", "/v1/webhook-events?resource_id=caf%C3%A9+au+lait", host(server)
                + "Authorization: Bearer guard-key\r\n", null);
        assertThat(answer.status()).isEqualTo(200);
    }

    // admin token

    @Test
    void withAnAdminTokenTheAdminApiRefusesARequestWithoutIt() {
        start(MockServerConfig.defaults().withAdminToken(TOKEN));

        Answer answer = request("GET", "/__admin/endpoints", host(server), null);

        assertAdminError(answer, 401, "unauthorized");
        assertThat(answer.body()).doesNotContain(TOKEN);
    }

    @Test
    void withAnAdminTokenTheAdminApiRefusesAWrongOne() {
        start(MockServerConfig.defaults().withAdminToken(TOKEN));
        assertAdminError(request("POST", "/__admin/reset", host(server) + "Authorization: Bearer " + TOKEN + "x\r\n", null),
                401, "unauthorized");
    }

    @Test
    void withAnAdminTokenTheAdminApiAnswersTheRightOne() {
        start(MockServerConfig.defaults().withAdminToken(TOKEN));
        assertThat(request("GET", "/__admin/endpoints", host(server) + "Authorization: Bearer " + TOKEN + "\r\n", null).status())
                .isEqualTo(200);
    }

    @Test
    void theHealthCheckAndTheApiDescriptionNeedNoToken() {
        start(MockServerConfig.defaults().withAdminToken(TOKEN));
        assertThat(request("GET", "/__admin/health", host(server), null).status()).isEqualTo(200);
        assertThat(request("GET", "/__admin/openapi.json", host(server), null).status()).isEqualTo(200);
    }

    @Test
    void theProviderApisAndTheDashboardPageNeedNoAdminToken() {
        start(MockServerConfig.defaults().withAdminToken(TOKEN));
        assertThat(request("GET", "/", host(server), null).status()).isEqualTo(200);
        assertThat(request("GET", "/v1/webhook-events", host(server) + "Authorization: Bearer guard-key\r\n", null).status())
                .isEqualTo(200);
    }

    @Test
    void anAdminTokenMustBeLongEnough() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockServerConfig.defaults().withAdminToken("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
    }

    @Test
    void theConfigurationNeverShowsTheAdminToken() {
        assertThat(MockServerConfig.defaults().withAdminToken(TOKEN).toString()).doesNotContain(TOKEN).contains("adminToken=(set)");
    }

    // cross-site writes

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Origin: https://evil.example", "Origin: null", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Site: same-site"})
    void aCrossSiteWriteIsRefusedAndChangesNothing(String header) {
        start(MockServerConfig.defaults());
        int before = Internals.of(server).store().eventCount();

        Answer answer = request("POST", "/__admin/events", host(server) + header + "\r\nContent-Type: application/json\r\n", EVENT);

        assertAdminError(answer, 403, "forbidden");
        assertThat(Internals.of(server).store().eventCount()).isEqualTo(before);
    }

    @Test
    void aCrossSiteResetWithoutABodyIsRefused() {
        start(MockServerConfig.defaults());
        assertAdminError(request("POST", "/__admin/reset", host(server) + "Origin: https://evil.example\r\n", null), 403,
                "forbidden");
    }

    @Test
    void aTextPlainWriteIsA415() {
        start(MockServerConfig.defaults());
        int before = Internals.of(server).store().eventCount();

        Answer answer = request("POST", "/__admin/events", host(server) + "Content-Type: text/plain\r\n", EVENT);

        assertAdminError(answer, 415, "unsupported_media_type");
        assertThat(Internals.of(server).store().eventCount()).isEqualTo(before);
    }

    @Test
    void aSameOriginWriteFromTheDashboardPasses() {
        start(MockServerConfig.defaults());
        List<String> origins = List.of("Origin: http://127.0.0.1:" + server.port() + "\r\nSec-Fetch-Site: same-origin\r\n",
                "Sec-Fetch-Site: none\r\n", "");
        for (String headers : origins) {
            Answer answer = request("POST", "/__admin/events", host(server) + headers + "Content-Type: application/json\r\n", EVENT);
            assertThat(answer.status()).as(headers + answer.body()).isEqualTo(201);
        }
    }

    @Test
    void aCrossSiteReadIsNotRefusedByTheGuard() {
        // browsers keep a cross-site page from reading the answer (no CORS headers); only writes act
        start(MockServerConfig.defaults());
        assertThat(request("GET", "/__admin/health", host(server) + "Sec-Fetch-Site: cross-site\r\n", null).status())
                .isEqualTo(200);
        assertThat(request("GET", "/__admin/health", host(server) + "Sec-Fetch-Site: cross-site\r\n", null).headers())
                .doesNotContainKey("access-control-allow-origin");
    }
}
