package dev.hookcheck.mock.internal.api.dfns;

import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.KEY_A;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.KEY_B;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.MockServerConfig.DfnsUserActions;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * User-action signing: {@code POST /auth/action/init}, a signature by a key credential,
 * {@code POST /auth/action}, and the one-time token each change carries in X-DFNS-USERACTION.
 */
class DfnsUserActionsTest {
    private static final String CREATE = "{\"url\":\"https://receiver.example/dfns\",\"events\":[\"*\"]}";

    private final DfnsFixture dfns = new DfnsFixture();
    private final Endpoint webhook = dfns.addWebhook(ORG_A);

    @AfterEach
    void close() {
        dfns.close();
    }

    private String token(String method, String path, String body) {
        return dfns.userAction(KEY_A, dfns.signerA, method, path, body);
    }

    private DfnsFixture.Response create(String userAction) {
        return dfns.call("POST", "/webhooks").userAction(false).header("X-DFNS-USERACTION", userAction).body(CREATE).send();
    }

    private JsonNode challenge() {
        return dfns.init(KEY_A, "POST", "/webhooks", CREATE).expect(200, "user-action-challenge");
    }

    @Test
    void theChallengeListsTheOrganizationsKeyCredentialsOnly() {
        JsonNode challenge = challenge();

        assertThat(challenge.at("/allowCredentials/key").valueStream().map(c -> c.path("id").stringValue()))
                .containsExactly("cred-a");
        assertThat(challenge.path("supportedCredentialKinds").get(0).path("kind").stringValue()).isEqualTo("Key");
    }

    @Test
    void aSignedUserActionOpensTheChangeItWasSignedFor() {
        String token = token("POST", "/webhooks", CREATE);

        JsonNode created = create(token).expect(200, "webhook-created");

        assertThat(dfns.store().endpoint(created.path("id").stringValue())).isPresent();
    }

    @Test
    void aTokenIsAcceptedOnce() {
        String token = token("POST", "/webhooks", CREATE);
        create(token).expect(200, "webhook-created");

        String error = create(token).expectError(401);

        assertThat(error).contains("used already");
        assertThat(dfns.store().endpoints(ORG_A)).hasSize(2);
    }

    @Test
    void aTokenSignedForAnotherPathIsA403AndChangesNothing() {
        Endpoint other = dfns.addWebhook(ORG_A);
        String token = token("DELETE", "/webhooks/" + other.id(), "{}");

        String error = dfns.call("DELETE", "/webhooks/" + webhook.id()).userAction(false).header("X-DFNS-USERACTION", token)
                .body("{}").send().expectError(403);

        assertThat(error).contains("signed for DELETE /webhooks/" + other.id()).contains("not for DELETE /webhooks/" + webhook.id());
        assertThat(dfns.store().endpoint(webhook.id())).contains(webhook);
    }

    @Test
    void aTokenSignedForAnotherMethodIsA403() {
        String token = token("PUT", "/webhooks/" + webhook.id(), "{}");

        String error = dfns.call("DELETE", "/webhooks/" + webhook.id()).userAction(false).header("X-DFNS-USERACTION", token)
                .body("{}").send().expectError(403);

        assertThat(error).contains("signed for PUT");
        assertThat(dfns.store().endpoint(webhook.id())).contains(webhook);
    }

    @Test
    void aTokenSignedForAnotherBodyIsA403AndStaysGoodForItsOwn() {
        String token = token("PUT", "/webhooks/" + webhook.id(), "{\"description\":\"signed\"}");

        String error = dfns.call("PUT", "/webhooks/" + webhook.id()).userAction(false).header("X-DFNS-USERACTION", token)
                .body("{\"description\":\"tampered\"}").send().expectError(403);
        JsonNode updated = dfns.call("PUT", "/webhooks/" + webhook.id()).userAction(false).header("X-DFNS-USERACTION", token)
                .body("{\"description\":\"signed\"}").send().expect(200, "webhook");

        assertThat(error).contains("another body");
        assertThat(updated.path("description").stringValue()).isEqualTo("signed");
    }

    @Test
    void aTokenOfAnotherOrganizationIsA401() {
        String token = dfns.userAction(KEY_B, dfns.signerB, "POST", "/webhooks", CREATE);

        String error = create(token).expectError(401);

        assertThat(error).contains("not a user action token of this organization");
    }

    @Test
    void anUnknownTokenIsA401() {
        String error = create("eyJub3QiOiJhIHRva2VuIn0").expectError(401);

        assertThat(error).contains("not a user action token");
    }

    @Test
    void anExpiredTokenIsA401() {
        String token = token("POST", "/webhooks", CREATE);
        dfns.clock.advance(UserActions.TOKEN_LIFETIME);

        String error = create(token).expectError(401);

        assertThat(error).contains("expired");
        assertThat(dfns.store().endpoints(ORG_A)).containsExactly(webhook);
    }

    @Test
    void aTokenOfARemovedCredentialIsA401() {
        String token = token("POST", "/webhooks", CREATE);
        dfns.store().deleteCredential("cred-a");

        String error = create(token).expectError(401);

        assertThat(error).contains("cred-a").contains("removed");
    }

    @Test
    void aChallengeIsAnsweredOnce() {
        JsonNode challenge = challenge();
        ObjectNode assertion = dfns.signerA.assertion(challenge.path("challenge").stringValue());
        dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(), assertion).expect(200, "user-action");

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(), assertion).expectError(401);

        assertThat(error).contains("answered already");
    }

    @Test
    void anExpiredChallengeIsA401() {
        JsonNode challenge = challenge();
        dfns.clock.advance(UserActions.CHALLENGE_LIFETIME.plus(Duration.ofSeconds(1)));

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(),
                dfns.signerA.assertion(challenge.path("challenge").stringValue())).expectError(401);

        assertThat(error).contains("expired");
    }

    @Test
    void anotherOrganizationCannotAnswerTheChallenge() {
        JsonNode challenge = challenge();

        String error = dfns.sign(KEY_B, challenge.path("challengeIdentifier").stringValue(),
                dfns.signerB.assertion(challenge.path("challenge").stringValue())).expectError(401);

        assertThat(error).contains("not an open signing session of this organization");
    }

    @Test
    void aSignatureByAnotherKeyIsA401() {
        JsonNode challenge = challenge();

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(),
                dfns.signerA.withAnotherKey().assertion(challenge.path("challenge").stringValue())).expectError(401);

        assertThat(error).contains("does not verify with credential cred-a").contains("Ed25519");
    }

    @Test
    void aCredentialOfAnotherOrganizationMayNotSign() {
        JsonNode challenge = challenge();

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(),
                dfns.signerB.assertion(challenge.path("challenge").stringValue())).expectError(401);

        assertThat(error).contains("credential cred-b may not sign this challenge; it allows cred-a");
    }

    @Test
    void clientDataOfAnotherTypeIsA401() {
        JsonNode challenge = challenge();
        String clientData = Json.object().put("type", "webauthn.get").put("challenge", challenge.path("challenge").stringValue())
                .toString();

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(),
                dfns.signerA.assertionOf(clientData)).expectError(401);

        assertThat(error).contains("clientData.type must be key.get");
    }

    @Test
    void clientDataWithAnotherChallengeIsA401() {
        JsonNode challenge = challenge();
        JsonNode other = challenge();

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(),
                dfns.signerA.assertion(other.path("challenge").stringValue())).expectError(401);

        assertThat(error).contains("not this session's challenge");
    }

    @Test
    void anOrganizationWithoutAKeyCredentialIsToldHowToRegisterOne() {
        dfns.store().deleteCredential("cred-a");

        String error = dfns.init(KEY_A, "POST", "/webhooks", CREATE).expectError(403);

        assertThat(error).contains("no key credential").contains("POST /__admin/credentials");
    }

    @Test
    void initNeedsABearerToken() {
        String error = dfns.init(null, "POST", "/webhooks", CREATE).expectError(401);

        assertThat(error).isEqualTo("Not Authorized.");
    }

    static Stream<Arguments> badInits() {
        return Stream.of(
                Arguments.of("{\"userActionHttpMethod\":\"POST\",\"userActionHttpPath\":\"/webhooks\"}", "userActionPayload is required"),
                Arguments.of("{\"userActionPayload\":\"{}\",\"userActionHttpPath\":\"/webhooks\"}", "userActionHttpMethod is required"),
                Arguments.of("{\"userActionPayload\":\"{}\",\"userActionHttpMethod\":\"PATCH\",\"userActionHttpPath\":\"/webhooks\"}",
                        "userActionHttpMethod must be one of POST, PUT, DELETE, GET, got 'PATCH'"),
                Arguments.of("{\"userActionPayload\":\"{}\",\"userActionHttpMethod\":\"POST\",\"userActionHttpPath\":\"webhooks\"}",
                        "userActionHttpPath must be the request's path"),
                Arguments.of("{\"userActionPayload\":{},\"userActionHttpMethod\":\"POST\",\"userActionHttpPath\":\"/webhooks\"}",
                        "userActionPayload must be a string"),
                Arguments.of("{\"userActionPayload\":\"{}\",\"userActionHttpMethod\":\"POST\",\"userActionHttpPath\":\"/webhooks\","
                        + "\"userActionServerKind\":\"Staff\"}", "userActionServerKind must be Api"),
                Arguments.of("{\"userActionPayload\":\"{}\",\"userActionHttpMethod\":\"POST\",\"userActionHttpPath\":\"/webhooks\","
                        + "\"colour\":\"blue\"}", "colour is not a field of this request"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInits")
    void aBadInitIsA400NamingTheField(String body, String message) {
        String error = dfns.call("POST", "/auth/action/init").userAction(false).body(body).send().expectError(400);

        assertThat(error).startsWith(message);
    }

    @Test
    void onlyKeyCredentialsCanSign() {
        JsonNode challenge = challenge();
        ObjectNode fido = dfns.signerA.assertion(challenge.path("challenge").stringValue()).put("kind", "Fido2");

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(), fido).expectError(400);

        assertThat(error).contains("firstFactor.kind must be Key");
    }

    @Test
    void aSignatureThatIsNotBase64UrlIsA400() {
        JsonNode challenge = challenge();
        ObjectNode assertion = dfns.signerA.assertion(challenge.path("challenge").stringValue());
        ((ObjectNode) assertion.get("credentialAssertion")).put("signature", "not base64url!");

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(), assertion).expectError(400);

        assertThat(error).contains("firstFactor.credentialAssertion.signature must be base64url");
    }

    static Stream<Arguments> keyKinds() {
        return Stream.of(
                Arguments.of("ECDSA P-256", UserActionSigner.ecdsa("cred-ec", "secp256r1")),
                Arguments.of("ECDSA P-384", UserActionSigner.ecdsa("cred-ec", "secp384r1")),
                Arguments.of("RSA 2048", UserActionSigner.rsa("cred-rsa")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyKinds")
    void ecdsaAndRsaKeysSignToo(String kind, UserActionSigner signer) {
        dfns.store().addCredential(signer.credential(ORG_A));

        dfns.call("POST", "/webhooks").signer(signer).body(CREATE).send().expect(200, "webhook-created");
    }

    @Test
    void anEcdsaSignatureMustBeDerEncoded() {
        UserActionSigner raw = UserActionSigner.ecdsa("cred-ec", "secp256r1").signingWith("SHA256withECDSAinP1363Format");
        dfns.store().addCredential(raw.credential(ORG_A));
        JsonNode challenge = challenge();

        String error = dfns.sign(KEY_A, challenge.path("challengeIdentifier").stringValue(),
                raw.assertion(challenge.path("challenge").stringValue())).expectError(401);

        assertThat(error).contains("ASN.1/DER-encoded");
    }

    @Test
    void theLaxModeAcceptsAnyNonEmptyUserAction() {
        try (DfnsFixture lax = new DfnsFixture(config -> config.withDfnsUserActions(DfnsUserActions.ANY))) {
            JsonNode created = lax.call("POST", "/webhooks").userAction(false).header("X-DFNS-USERACTION", "anything")
                    .body(CREATE).send().expect(200, "webhook-created");

            assertThat(lax.store().endpoint(created.path("id").stringValue())).isPresent();
            assertThat(lax.call("POST", "/webhooks").userAction(false).body(CREATE).send().expectError(401))
                    .contains("X-DFNS-USERACTION");
        }
    }
}
