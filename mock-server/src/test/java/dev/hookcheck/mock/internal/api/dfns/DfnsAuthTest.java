package dev.hookcheck.mock.internal.api.dfns;

import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.KEY_B;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.KEY_OF_VITABLE;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bearer keys, the presence of a user action on changes, and the error shape of routes that do not exist. */
class DfnsAuthTest {
    private final DfnsFixture dfns = new DfnsFixture();
    private final Endpoint webhook = dfns.addWebhook(ORG_A);

    @AfterEach
    void close() {
        dfns.close();
    }

    static Stream<Arguments> everyRoute() {
        String id = "{id}";
        return Stream.of(
                Arguments.of("POST", "/webhooks", "{\"url\":\"https://receiver.example\",\"events\":[\"*\"]}"),
                Arguments.of("GET", "/webhooks", null),
                Arguments.of("GET", "/webhooks/" + id, null),
                Arguments.of("PUT", "/webhooks/" + id, "{\"status\":\"Disabled\"}"),
                Arguments.of("DELETE", "/webhooks/" + id, null),
                Arguments.of("POST", "/webhooks/" + id + "/ping", null),
                Arguments.of("GET", "/webhooks/" + id + "/events", null),
                Arguments.of("GET", "/webhooks/" + id + "/events/whe-aaaaa-bbbbb-cccccccccccccccc", null));
    }

    static Stream<Arguments> everyChange() {
        return everyRoute().filter(a -> !a.get()[0].equals("GET"));
    }

    private DfnsFixture.Call call(String method, String path, String body) {
        return dfns.call(method, path.replace("{id}", webhook.id())).body(body);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void aMissingBearerKeyIsA401AndChangesNothing(String method, String path, String body) {
        String error = call(method, path, body).key(null).send().expectError(401);

        assertThat(error).isEqualTo("Not Authorized.");
        assertThat(dfns.store().endpoints(ORG_A)).containsExactly(webhook);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void anUnknownKeyIsA401(String method, String path, String body) {
        String error = call(method, path, body).key("no-such-key").send().expectError(401);

        assertThat(error).isEqualTo("Not Authorized.");
        assertThat(dfns.store().endpoints(ORG_A)).containsExactly(webhook);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void aKeyOfAnotherProfileIsA401(String method, String path, String body) {
        String error = call(method, path, body).key(KEY_OF_VITABLE).send().expectError(401);

        assertThat(error).isEqualTo("Not Authorized.");
        assertThat(dfns.store().endpoints(ORG_A)).containsExactly(webhook);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyChange")
    void aChangeWithoutAUserActionIsA401NamingTheHeaderAndChangesNothing(String method, String path, String body) {
        String error = call(method, path, body).userAction(false).send().expectError(401);

        assertThat(error).contains("X-DFNS-USERACTION");
        assertThat(dfns.store().endpoints(ORG_A)).containsExactly(webhook);
    }

    @Test
    void aBlankUserActionCountsAsMissing() {
        String error = dfns.call("DELETE", "/webhooks/" + webhook.id()).userAction(false).header("X-DFNS-USERACTION", " ")
                .send().expectError(401);

        assertThat(error).contains("X-DFNS-USERACTION");
        assertThat(dfns.store().endpoint(webhook.id())).contains(webhook);
    }

    @Test
    void aKeyOpensOnlyItsOwnOrganization() {
        String error = dfns.call("GET", "/webhooks/" + webhook.id()).key(KEY_B).send().expectError(404);

        assertThat(error).isEqualTo("Webhook " + webhook.id() + " not found");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        dfns.call("GET", "/webhooks").key(null).header("Authorization", "bearer " + DfnsFixture.KEY_A).send()
                .expect(200, "webhook-list");
    }

    @Test
    void anUnknownRouteUnderWebhooksIsA404InDfnsShape() {
        String error = dfns.get("/webhooks/" + webhook.id() + "/secrets").expectError(404);

        assertThat(error).contains("no route");
    }

    @Test
    void aWrongMethodIsA405InDfnsShape() {
        String error = dfns.call("PATCH", "/webhooks/" + webhook.id()).userAction(false).body("{}").send().expectError(405);

        assertThat(error).contains("PATCH");
    }
}
