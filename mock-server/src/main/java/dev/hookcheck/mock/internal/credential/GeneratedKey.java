package dev.hookcheck.mock.internal.credential;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Crypto;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A key pair the sandbox made itself, so that it can hand the private key to whoever signs with the
 * credential (the banner of {@code hookcheck serve}, the admin API).
 *
 * @param publicKey what the server verifies with
 * @param privateKey the PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) that Node's
 *     {@code crypto.sign} and the Dfns SDK's {@code AsymmetricKeySigner} take as they are
 */
public record GeneratedKey(CredentialKey publicKey, Secret privateKey) {
    /** DER prefixes of an Ed25519 key (RFC 8410): PKCS#8 before the 32-byte seed, SPKI before the public key. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** An Ed25519 pair from {@code random}: the same random state, the same pair. */
    public static GeneratedKey ed25519(RandomGenerator random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        byte[] publicKey = Crypto.ed25519PublicKey(seed);
        String privatePem = "-----BEGIN PRIVATE KEY-----\n" + CredentialKey.base64Lines(concat(PKCS8_PREFIX, seed))
                + "-----END PRIVATE KEY-----\n";
        return new GeneratedKey(CredentialKey.parse(CredentialKey.toPem(concat(SPKI_PREFIX, publicKey))),
                Secret.of(privatePem));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
