package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paths answer with and without their trailing slash; wrong methods and unknown paths get DRF's bodies. */
class PreoRoutingTest extends PreoApiTestBase {
    private static final String BODY = """
            {"name":"Box office","url":"https://box.example/hook","events":["order.created"]}""";

    static Stream<Arguments> routes() {
        return Stream.of(true, false).flatMap(slash -> Stream.of(
                Arguments.of("GET", "/api/management/webhooks/", 200, "endpoint-list", slash),
                Arguments.of("POST", "/api/management/webhooks/", 201, "endpoint", slash),
                Arguments.of("GET", "/api/management/webhooks/{id}/", 200, "endpoint", slash),
                Arguments.of("PUT", "/api/management/webhooks/{id}/", 200, "endpoint", slash),
                Arguments.of("PATCH", "/api/management/webhooks/{id}/", 200, "endpoint", slash),
                Arguments.of("DELETE", "/api/management/webhooks/{id}/", 204, null, slash),
                Arguments.of("POST", "/api/management/webhooks/{id}/rotate-secret/", 200, "endpoint", slash),
                Arguments.of("GET", "/api/management/webhooks/{id}/deliveries/", 200, "delivery-list", slash),
                Arguments.of("GET", "/api/management/webhooks/{id}/deliveries/{delivery}/", 200, "delivery", slash),
                Arguments.of("POST", "/api/management/webhooks/{id}/deliveries/{delivery}/retry/", 200, "delivery", slash)));
    }

    @ParameterizedTest(name = "{0} {1} (trailing slash: {4})")
    @MethodSource("routes")
    void everyRouteAnswersWithAndWithoutItsTrailingSlash(String method, String template, int status, String schema,
            boolean slash) {
        Endpoint endpoint = putEndpoint(guid(1), ORG_A);
        putDelivery(guid(2), endpoint, DeliveryStatus.FAILED, NOW.minusSeconds(60), NOW.minusSeconds(30));
        String path = template.replace("{id}", guid(1)).replace("{delivery}", guid(2));
        path = slash ? path : path.substring(0, path.length() - 1);

        Response response = send(method, path, method.equals("GET") || method.equals("DELETE") ? null : BODY,
                "Bearer " + KEY_A);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (schema != null) {
            Schemas.assertValid("preo/" + schema + ".schema.json", response.body());
        }
    }

    @Test
    void aWrongMethodIsDrfs405WithAnAllowHeader() {
        Response response = delete(WEBHOOKS);

        assertDetail(response, 405, "Method \"DELETE\" not allowed.");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST, HEAD");
    }

    @Test
    void aWrongMethodOnANestedRouteNamesTheAllowedOne() {
        Endpoint endpoint = putEndpoint(guid(1), ORG_A);

        Response response = send("GET", path(endpoint) + "rotate-secret/", null, "Bearer " + KEY_A);

        assertDetail(response, 405, "Method \"GET\" not allowed.");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        putEndpoint(guid(1), ORG_A);

        Response response = send("HEAD", WEBHOOKS, null, "Bearer " + KEY_A);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
                .startsWith("application/json"));
    }

    @Test
    void headNeedsCredentialsToo() {
        Response response = send("HEAD", WEBHOOKS, null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void optionsIsNotOffered() {
        Endpoint endpoint = putEndpoint(guid(1), ORG_A);

        Response response = send("OPTIONS", path(endpoint), null, "Bearer " + KEY_A);

        assertDetail(response, 405, "Method \"OPTIONS\" not allowed.");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, PUT, PATCH, DELETE, HEAD");
    }

    @Test
    void aPathNoRouteMatchesIsNotFound() {
        assertNotFound(get("/api/management/nothing-here/"));
    }

    @Test
    void aResponseIsCompactJson() {
        Response response = get(WEBHOOKS);

        assertEndpointList(response);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
                .startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
    }
}
