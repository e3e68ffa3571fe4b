package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PreoAuthTest extends PreoApiTestBase {
    private static final String ID = guid(1);

    static Stream<Arguments> routes() {
        String webhook = WEBHOOKS + ID + "/";
        String delivery = webhook + "deliveries/" + guid(2) + "/";
        return Stream.of(
                Arguments.of("GET", WEBHOOKS), Arguments.of("POST", WEBHOOKS),
                Arguments.of("GET", webhook), Arguments.of("PUT", webhook), Arguments.of("PATCH", webhook),
                Arguments.of("DELETE", webhook), Arguments.of("POST", webhook + "rotate-secret/"),
                Arguments.of("GET", webhook + "deliveries/"), Arguments.of("GET", delivery),
                Arguments.of("POST", delivery + "retry/"));
    }

    @Test
    void aRequestWithoutAnAuthorizationHeaderIsToldNoCredentialsWereProvided() {
        Response response = send("GET", WEBHOOKS, null, null);

        assertDetail(response, 401, "Authentication credentials were not provided.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void anotherSchemeThanBearerCountsAsNoCredentials() {
        assertDetail(send("GET", WEBHOOKS, null, "Token " + KEY_A), 401, "Authentication credentials were not provided.");
    }

    @Test
    void aBearerHeaderWithoutATokenIsAnInvalidTokenHeader() {
        assertDetail(send("GET", WEBHOOKS, null, "Bearer"), 401, "Invalid token header. No credentials provided.");
    }

    @Test
    void aTokenWithSpacesIsAnInvalidTokenHeader() {
        assertDetail(send("GET", WEBHOOKS, null, "Bearer two words"), 401,
                "Invalid token header. Token string should not contain spaces.");
    }

    @Test
    void anUnknownKeyIsAnInvalidToken() {
        Response response = send("GET", WEBHOOKS, null, "Bearer not-a-key");

        assertDetail(response, 401, "Invalid token.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aKeyOfAnotherProfileIsAnInvalidToken() {
        assertDetail(send("GET", WEBHOOKS, null, "Bearer " + VITABLE_KEY), 401, "Invalid token.");
    }

    @Test
    void theBearerKeywordIsCaseInsensitive() {
        assertEndpointList(send("GET", WEBHOOKS, null, "bearer " + KEY_A));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void everyRouteRefusesARequestWithoutCredentials(String method, String path) {
        assertDetail(send(method, path, method.equals("GET") ? null : "{}", null), 401,
                "Authentication credentials were not provided.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void everyRouteRefusesAnUnknownKey(String method, String path) {
        assertDetail(send(method, path, method.equals("GET") ? null : "{}", "Bearer wrong"), 401, "Invalid token.");
    }

    @Test
    void authenticationComesBeforeTheMethodCheckAsInDrf() {
        assertDetail(send("DELETE", WEBHOOKS, null, null), 401, "Authentication credentials were not provided.");
    }

    @Test
    void aRefusedRequestChangesNothing() {
        putEndpoint(ID, ORG_A);

        assertDetail(send("DELETE", WEBHOOKS + ID + "/", null, "Bearer wrong"), 401, "Invalid token.");

        assertThat(store.endpoint(ID)).isPresent();
    }
}
