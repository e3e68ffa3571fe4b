package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.mock.internal.credential.CredentialKey;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs Dfns user-action challenges as {@code @dfns/sdk-keysigner}'s {@code AsymmetricKeySigner}
 * does: the client data {@code {"type":"key.get","challenge":…}} as JSON text, signed with the
 * credential's private key, both base64url. Keys are made per test run.
 */
final class UserActionSigner {
    private final String credentialId;
    private final KeyPair keys;
    private final String signatureAlgorithm;

    private UserActionSigner(String credentialId, KeyPair keys, String signatureAlgorithm) {
        this.credentialId = credentialId;
        this.keys = keys;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    static UserActionSigner ed25519(String credentialId) {
        return new UserActionSigner(credentialId, generate("Ed25519", null), "Ed25519");
    }

    /** ECDSA on a curve the JDK has (secp256r1, secp384r1), DER signatures over SHA-256. */
    static UserActionSigner ecdsa(String credentialId, String curve) {
        return new UserActionSigner(credentialId, generate("EC", curve), "SHA256withECDSA");
    }

    static UserActionSigner rsa(String credentialId) {
        return new UserActionSigner(credentialId, generate("RSA", null), "SHA256withRSA");
    }

    /** The same key, signing another way (for example {@code SHA256withECDSAinP1363Format}: raw r||s). */
    UserActionSigner signingWith(String algorithm) {
        return new UserActionSigner(credentialId, keys, algorithm);
    }

    /** Another key under the same credential id: what an impostor would sign with. */
    UserActionSigner withAnotherKey() {
        return new UserActionSigner(credentialId, generate(keys.getPublic().getAlgorithm().equals("EdDSA") ? "Ed25519"
                : keys.getPublic().getAlgorithm(), null), signatureAlgorithm);
    }

    String credentialId() {
        return credentialId;
    }

    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    Credential credential(String organizationId) {
        return new Credential(credentialId, "dfns", organizationId, "test signer", CredentialKey.parse(publicKeyPem()),
                Optional.empty(), Instant.EPOCH);
    }

    /** The {@code firstFactor} of {@code POST /auth/action} for {@code challenge}. */
    ObjectNode assertion(String challenge) {
        return assertionOf(Json.object().put("type", "key.get").put("challenge", challenge).toString());
    }

    /** The {@code firstFactor} for client data of one's own making. */
    ObjectNode assertionOf(String clientDataJson) {
        byte[] clientData = clientDataJson.getBytes(StandardCharsets.UTF_8);
        ObjectNode factor = Json.object().put("kind", "Key");
        factor.putObject("credentialAssertion").put("credId", credentialId).put("clientData", base64Url(clientData))
                .put("signature", base64Url(sign(clientData)));
        return factor;
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(keys.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
