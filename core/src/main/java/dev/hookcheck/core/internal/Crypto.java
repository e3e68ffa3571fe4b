package dev.hookcheck.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** HMAC and Ed25519 over content given in parts, plus the constant-time comparison. */
public final class Crypto {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * One initialised {@link Mac} per thread and algorithm, kept while the key stays the same:
     * {@code Mac.getInstance} and {@code init} cost more than hashing a small body.
     */
    private static final ThreadLocal<Map<String, KeyedMac>> MACS = ThreadLocal.withInitial(HashMap::new);

    private record KeyedMac(byte[] key, Mac mac) {}

    private Crypto() {}

    /** The MAC of the parts, in order. {@code key} is kept for the next call: never change it afterwards. */
    public static byte[] hmac(String jcaAlgorithm, byte[] key, byte[][] parts) {
        Mac mac = mac(jcaAlgorithm, key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private static Mac mac(String jcaAlgorithm, byte[] key) {
        Map<String, KeyedMac> macs = MACS.get();
        KeyedMac cached = macs.get(jcaAlgorithm);
        if (cached != null && (cached.key() == key || MessageDigest.isEqual(cached.key(), key))) {
            return cached.mac();
        }
        try {
            Mac mac = cached != null ? cached.mac() : Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(key, jcaAlgorithm));
            macs.put(jcaAlgorithm, new KeyedMac(key, mac));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaAlgorithm + " is not available in this JVM", e);
        }
    }

    public static byte[] ed25519Sign(byte[] seed, byte[][] parts) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        for (byte[] part : parts) {
            signer.update(part, 0, part.length);
        }
        return signer.generateSignature();
    }

    public static boolean ed25519Verify(byte[] publicKey, byte[] signature, byte[][] parts) {
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        for (byte[] part : parts) {
            verifier.update(part, 0, part.length);
        }
        return verifier.verifySignature(signature);
    }

    public static byte[] ed25519PublicKey(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    /** Compares two texts (signatures as sent) in time independent of where they differ. */
    public static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
