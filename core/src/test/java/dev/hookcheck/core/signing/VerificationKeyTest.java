package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a receiver is configured with: the shared secret itself, or the public half of a signing key. */
class VerificationKeyTest {
    private static final SignatureScheme STANDARD = SignatureSchemes.standardWebhooks();
    /** The Standard Webhooks reference Ed25519 pair (schemas/vectors: published, re-derived by openssl). */
    private static final Secret SIGNING_KEY = Secret.of("whsk_TRlE1MlJingvhEO8oZ+SH/pQtxOcclE+ewZRCo/vsPg=");
    private static final String PUBLIC_KEY = "whpk_N3l7TxbnFOwT3nWsjiGJwsEx/zz1EUrpNQNWaes4J9E=";

    @Test
    void aStandardWebhooksSigningKeyIsVerifiedWithItsPublicKey() {
        Secret verificationKey = STANDARD.verificationKey(SIGNING_KEY);
        byte[] body = "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
        long now = 1_767_225_600L;

        assertThat(verificationKey.reveal()).isEqualTo(PUBLIC_KEY);
        assertThat(STANDARD.verify(STANDARD.sign(SIGNING_KEY, "msg_1", now, body), body, List.of(verificationKey),
                Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).isVerified()).isTrue();
    }

    @Test
    void aSharedSecretIsItsOwnVerificationKey() {
        Secret shared = Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(STANDARD.verificationKey(shared)).isSameAs(shared);
        assertThat(Profiles.get("github").scheme().verificationKey(Secret.of("It's a Secret to Everybody")).reveal())
                .isEqualTo("It's a Secret to Everybody");
    }

    @Test
    void aSigningKeyOfTheWrongLengthIsRefusedWithoutItsValue() {
        assertThatThrownBy(() -> STANDARD.verificationKey(Secret.of("whsk_AAAA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("AAAA");
    }
}
