package dev.hookcheck.mock.internal.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CredentialKeyTest {
    private static final byte[] DATA = "{\"type\":\"key.get\",\"challenge\":\"Y2gtdGVzdA\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] sign(KeyPair keys, String algorithm) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(keys.getPrivate());
        signer.update(DATA);
        return signer.sign();
    }

    @Test
    void anEd25519KeyVerifiesItsSignatureAndNoOther() throws Exception {
        KeyPair keys = TestKeys.generate("Ed25519", null);
        CredentialKey key = CredentialKey.parse(TestKeys.pem(keys));

        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(key.verify(DATA, sign(keys, "Ed25519"), null)).isTrue();
        assertThat(key.verify(DATA, sign(TestKeys.generate("Ed25519", null), "Ed25519"), null)).isFalse();
        assertThat(key.verify("other".getBytes(StandardCharsets.UTF_8), sign(keys, "Ed25519"), null)).isFalse();
    }

    @Test
    void anEcdsaKeyTakesDerSignaturesOverAnyOfTheThreeDigests() throws Exception {
        KeyPair keys = TestKeys.generate("EC", new ECGenParameterSpec("secp256r1"));
        CredentialKey key = CredentialKey.parse(TestKeys.pem(keys));

        assertThat(key.algorithm()).isEqualTo("ECDSA prime256v1");
        assertThat(key.verify(DATA, sign(keys, "SHA256withECDSA"), null)).isTrue();
        assertThat(key.verify(DATA, sign(keys, "SHA512withECDSA"), null)).isTrue();
        assertThat(key.verify(DATA, sign(keys, "SHA512withECDSA"), "SHA256")).isFalse();
        assertThat(key.verify(DATA, sign(keys, "SHA256withECDSAinP1363Format"), null)).as("raw r||s").isFalse();
    }

    @Test
    void anRsaKeyTakesPkcs1Signatures() throws Exception {
        KeyPair keys = TestKeys.rsa(2048);
        CredentialKey key = CredentialKey.parse(TestKeys.pem(keys));

        assertThat(key.algorithm()).isEqualTo("RSA 2048");
        assertThat(key.verify(DATA, sign(keys, "SHA256withRSA"), null)).isTrue();
        assertThat(key.verify(DATA, sign(keys, "SHA384withRSA"), "sha384")).isTrue();
    }

    @Test
    void aDigestIsRefusedForEdDsaAndWhenUnknown() {
        CredentialKey ed = CredentialKey.parse(TestKeys.pem(TestKeys.generate("Ed25519", null)));
        CredentialKey ec = CredentialKey.parse(TestKeys.pem(TestKeys.generate("EC", new ECGenParameterSpec("secp256r1"))));

        assertThatThrownBy(() -> ed.verify(DATA, new byte[64], "SHA256")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("send no algorithm");
        assertThatThrownBy(() -> ec.verify(DATA, new byte[64], "MD5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA256, SHA384 or SHA512");
    }

    @Test
    void textThatIsNotAPemPublicKeyIsRefused() {
        assertThatThrownBy(() -> CredentialKey.parse("ssh-ed25519 AAAAC3Nza")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-----BEGIN PUBLIC KEY-----");
        assertThatThrownBy(() -> CredentialKey.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable public key");
    }

    @Test
    void anEd25519PointOffTheCurveIsRefused() {
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + "ff".repeat(31) + "7f");
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> CredentialKey.parse(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is not a valid Ed25519 public key");
    }

    @Test
    void aSmallRsaKeyIsRefused() {
        assertThatThrownBy(() -> CredentialKey.parse(TestKeys.pem(TestKeys.rsa(1024))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("is an RSA key of 1024 bits; use at least 2048");
    }

    @Test
    void aKeyThatCannotSignIsRefused() {
        assertThatThrownBy(() -> CredentialKey.parse(TestKeys.pem(TestKeys.generate("X25519", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot sign user actions");
    }

    @Test
    void aGeneratedPairSignsAndTheSameRandomGivesTheSamePair() throws Exception {
        GeneratedKey a = GeneratedKey.ed25519(new SplittableRandom(5));
        GeneratedKey b = GeneratedKey.ed25519(new SplittableRandom(5));

        assertThat(a.privateKey().reveal()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(b).isEqualTo(a);
        assertThat(a.toString()).doesNotContain(a.privateKey().reveal());
    }

    @Test
    void thePemIsNormalised() {
        String pem = TestKeys.pem(TestKeys.generate("Ed25519", null));

        assertThat(CredentialKey.parse("  " + pem.replace("\n", "\r\n") + "\n\n").pem()).isEqualTo(pem);
    }
}
