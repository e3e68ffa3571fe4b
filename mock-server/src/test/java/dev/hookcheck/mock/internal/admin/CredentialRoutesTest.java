package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.credential.TestKeys;
import dev.hookcheck.mock.internal.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CredentialRoutesTest {
    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    private static String body(String publicKey) {
        return Json.object().put("profile", "dfns").put("organizationId", "or-creds-a").put("id", "my-signer")
                .put("publicKey", publicKey).toString();
    }

    @Test
    void registersAGivenPublicKeyWhosePrivateKeyStaysWithItsOwner() {
        admin.organization("or-creds-a", "dfns");
        KeyPair keys = TestKeys.generate("EC", new ECGenParameterSpec("secp256r1"));

        JsonNode created = admin.post("/__admin/credentials", valid("credential-create", body(TestKeys.pem(keys))))
                .expect(201, "credential");

        assertThat(created.get("id").stringValue()).isEqualTo("my-signer");
        assertThat(created.get("algorithm").stringValue()).isEqualTo("ECDSA prime256v1");
        assertThat(created.get("publicKey").stringValue()).isEqualTo(TestKeys.pem(keys));
        assertThat(created.get("privateKey").isNull()).isTrue();
        assertThat(admin.store().credential("my-signer")).hasValueSatisfying(c -> {
            assertThat(c.organizationId()).isEqualTo("or-creds-a");
            assertThat(c.privateKey()).isEmpty();
        });
    }

    @Test
    void aGeneratedPrivateKeyIsShownOnceAndNeverInAList() {
        admin.organization("or-creds-a", "dfns");
        JsonNode created = admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"organizationId\":\"or-creds-a\"}")
                .expect(201, "credential");
        String pem = created.get("privateKey").stringValue();

        String list = admin.get("/__admin/credentials?profile=dfns").expect(200, "credential-list").toString();

        assertThat(list).contains(created.get("id").stringValue())
                .doesNotContain("privateKey", pem.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void withoutAPublicKeyMakesAnEd25519PairAndShowsItsPrivateKey() throws Exception {
        admin.organization("or-creds-a", "dfns");

        JsonNode created = admin.post("/__admin/credentials",
                valid("credential-create", "{\"profile\":\"dfns\",\"organizationId\":\"or-creds-a\"}")).expect(201, "credential");

        String pem = created.get("privateKey").stringValue();
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""))));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update("data".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        assertThat(created.get("id").stringValue()).matches("[A-Za-z0-9_-]{22}");
        assertThat(admin.store().credential(created.get("id").stringValue()).orElseThrow().publicKey()
                .verify("data".getBytes(StandardCharsets.UTF_8), signature, null)).isTrue();
    }

    @Test
    void aTakenIdIsA409AndChangesNothing() {
        admin.organization("or-creds-a", "dfns");
        admin.post("/__admin/credentials", body(TestKeys.pem(TestKeys.generate("Ed25519", null)))).expect(201, "credential");
        String first = admin.store().credential("my-signer").orElseThrow().publicKey().pem();

        admin.post("/__admin/credentials", body(TestKeys.pem(TestKeys.generate("Ed25519", null))))
                .expectError(409, "conflict", "id");

        assertThat(admin.store().credential("my-signer").orElseThrow().publicKey().pem()).isEqualTo(first);
    }

    @Test
    void aPublicKeyThatCannotBeReadIsA400NamingIt() {
        admin.organization("or-creds-a", "dfns");

        String title = admin.post("/__admin/credentials", body("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .expectInvalid("publicKey");

        assertThat(title).isEqualTo("publicKey is not a readable public key: its base64 is not a DER SubjectPublicKeyInfo");
        assertThat(admin.store().credential("my-signer")).isEmpty();
    }

    @Test
    void aSmallRsaKeyIsA400() {
        admin.organization("or-creds-a", "dfns");

        String title = admin.post("/__admin/credentials", body(TestKeys.pem(TestKeys.rsa(1024)))).expectInvalid("publicKey");

        assertThat(title).contains("1024 bits; use at least 2048");
    }

    @Test
    void aProfileWithoutUserActionsIsA400() {
        admin.organization("org_creds_v", "vitable");

        String title = admin.post("/__admin/credentials", "{\"profile\":\"vitable\",\"organizationId\":\"org_creds_v\"}")
                .expectInvalid("profile");

        assertThat(title).contains("does not sign user actions").contains("dfns");
    }

    @Test
    void anOrganizationOfAnotherProfileIsA400() {
        admin.organization("org_creds_v", "vitable");

        String title = admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"organizationId\":\"org_creds_v\"}")
                .expectInvalid("organizationId");

        assertThat(title).contains("belongs to profile 'vitable'");
    }

    @Test
    void anIdThatIsNotBase64UrlIsA400() {
        admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"id\":\"has space\"}").expectInvalid("id");
    }

    @Test
    void anUnknownFieldIsA400() {
        admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"privateKey\":\"x\"}").expectInvalid("privateKey");
    }

    @Test
    void theListFiltersByProfileAndOrganization() {
        admin.organization("or-creds-a", "dfns");
        admin.organization("or-creds-b", "dfns");
        admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"organizationId\":\"or-creds-a\",\"id\":\"a1\"}")
                .expect(201, "credential");
        admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"organizationId\":\"or-creds-b\",\"id\":\"b1\"}")
                .expect(201, "credential");

        JsonNode ofB = admin.get("/__admin/credentials?profile=dfns&organizationId=or-creds-b").expect(200, "credential-list");
        JsonNode ofVitable = admin.get("/__admin/credentials?profile=vitable").expect(200, "credential-list");

        assertThat(ofB.get("credentials").valueStream().map(c -> c.get("id").stringValue())).containsExactly("b1");
        assertThat(ofVitable.get("credentials").isEmpty()).isTrue();
    }

    @Test
    void deleteRemovesTheCredentialAndAnUnknownOneIsA404() {
        admin.organization("or-creds-a", "dfns");
        admin.post("/__admin/credentials", "{\"profile\":\"dfns\",\"organizationId\":\"or-creds-a\",\"id\":\"a1\"}")
                .expect(201, "credential");

        assertThat(admin.delete("/__admin/credentials/a1").status()).isEqualTo(204);
        assertThat(admin.store().credential("a1")).isEmpty();
        admin.delete("/__admin/credentials/a1").expectError(404, "not_found", null);
    }
}
