package dev.hookcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each profile knows what its secrets look like: well-formed ones pass, and every one the scheme cannot use fails. */
class SecretFormatTest {
    private static boolean standard(String text) {
        return Profiles.get("standard").secretFormat().accepts(Secret.of(text));
    }

    @Test
    void aStandardSecretIsWhsecAndBase64OrWhskAndAnEd25519Key() {
        SplittableRandom random = new SplittableRandom(1);
        for (int bytes = 1; bytes <= 64; bytes++) {
            byte[] key = new byte[bytes];
            random.nextBytes(key);
            String base64 = Base64.getEncoder().encodeToString(key);
            assertThat(standard("whsec_" + base64)).as(base64).isTrue();
            assertThat(standard("whsec_" + base64.replace("=", ""))).as("padding is optional").isTrue();
        }
        assertThat(standard("whsk_" + Base64.getEncoder().encodeToString(new byte[32]))).isTrue();
        assertThat(List.of("notwhsec", "whsec_", "whsec_abcde", "whsec_a-b_", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "whsk_" + Base64.getEncoder().encodeToString(new byte[64]), "whpk_AAAA", " whsec_AAAA"))
                .noneMatch(SecretFormatTest::standard);
    }

    @Test
    void whatTheFormatAcceptsTheSchemeCanSignWith() {
        for (Profile profile : Profiles.all()) {
            for (String text : List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_3f9a1c7e5b2d8f4a6c0e",
                    "It's a Secret to Everybody", "vitable_whsec_4c1d", "whs-Fij3kM", "whsk_" + "A".repeat(43))) {
                Secret secret = Secret.of(text);
                if (profile.secretFormat().accepts(secret)) {
                    assertThat(profile.scheme().sign(secret, "id", 1, new byte[] {'{', '}'})).as("%s %s", profile, text)
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void aSecretPastedWithSpaceOrLineBreakAtAnEndIsRefusedWhereAnyTextIsASecret() {
        SecretFormat github = Profiles.get("github").secretFormat();

        assertThat(github.accepts(Secret.of("It's a Secret to Everybody"))).isTrue();
        assertThat(github.accepts(Secret.of("secret\n"))).isFalse();
        assertThat(github.accepts(Secret.of(" secret"))).isFalse();
        assertThat(github.problem(Secret.of("secret\n"), "GitHub")).get().asString()
                .startsWith("this is not a GitHub secret: expected the text typed into the webhook's Secret field;")
                .doesNotContain("secret\n");
    }

    @Test
    void aDeclarativeSchemeBringsTheFormatOfItsKey() {
        SchemeSpec base64 = new SchemeSpec("acme", SchemeSpec.Algorithm.HMAC_SHA256,
                SchemeSpec.KeyFormat.base64("acme_"), "{body}",
                SchemeSpec.SignatureFormat.prefixed("X-Acme-Signature", "sha256=", SchemeSpec.Encoding.HEX),
                SchemeSpec.Source.none(), SchemeSpec.Source.none(), dev.hookcheck.core.signing.Tolerance.none(), false);
        Profile acme = Profiles.get("preo").withScheme(SignatureSchemes.declarative(base64));

        assertThat(acme.secretFormat().description()).isEqualTo("acme_ (optional) followed by base64");
        assertThat(acme.secretFormat().accepts(Secret.of("acme_QUJD"))).isTrue();
        assertThat(acme.secretFormat().accepts(Secret.of("QUJD"))).isTrue();
        assertThat(acme.secretFormat().accepts(Secret.of("acme_not base64"))).isFalse();
    }
}
