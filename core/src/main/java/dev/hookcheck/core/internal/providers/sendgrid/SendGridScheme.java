package dev.hookcheck.core.internal.providers.sendgrid;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Headers;
import dev.hookcheck.core.internal.Timestamps;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SendGrid's Signed Event Webhook: {@code X-Twilio-Email-Event-Webhook-Signature} is the base64 DER ECDSA
 * P-256 / SHA-256 signature of {@code X-Twilio-Email-Event-Webhook-Timestamp} followed by the raw body.
 * SendGrid signs with a private key it keeps and shows the receiver the public half (base64 DER
 * SubjectPublicKeyInfo, its "verification key"). Here the secret is the signing key (base64 DER PKCS#8), so
 * that the mock and {@code hookcheck sign} can sign; {@link #verificationKey} gives the receiver's public
 * key, and {@link #verify} takes either. Signatures are deterministic (RFC 6979), which a verifier cannot
 * tell from random ones and which lets the vectors reproduce them.
 */
final class SendGridScheme implements SignatureScheme {
    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    /** DER of a PKCS#8 P-256 key up to its 32-byte private value (RFC 5915, without the optional public key). */
    static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex(
            "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420");
    /** The same with the optional public key, as openssl writes it, up to the private value. */
    private static final byte[] PKCS8_WITH_PUBLIC_PREFIX = HexFormat.of().parseHex(
            "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420");
    /** DER of a P-256 SubjectPublicKeyInfo up to its uncompressed point. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex(
            "3059301306072a8648ce3d020106082a8648ce3d030107034200");

    @Override
    public String name() {
        return "sendgrid";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    /** Neither SendGrid nor its library bounds the timestamp's age: it is signed, not windowed. */
    @Override
    public Tolerance defaultTolerance() {
        return Tolerance.none();
    }

    @Override
    public boolean supportsMultipleSignatures() {
        return false;
    }

    /** A new P-256 signing key, base64 DER PKCS#8, its private value drawn from {@code random}. */
    static String newSigningKey(RandomGenerator random) {
        byte[] raw = new byte[40];
        random.nextBytes(raw);
        BigInteger d = new BigInteger(1, raw).mod(Curve.DOMAIN.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        byte[] key = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
        System.arraycopy(unsigned32(d), 0, key, PKCS8_PREFIX.length, 32);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Secret verificationKey(Secret secret) {
        if (publicKeyOf(secret) != null) {
            return secret;
        }
        ECPoint q = Curve.DOMAIN.getG().multiply(privateValue(secret)).normalize();
        byte[] point = q.getEncoded(false);
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + point.length);
        System.arraycopy(point, 0, spki, SPKI_PREFIX.length, point.length);
        return Secret.of(Base64.getEncoder().encodeToString(spki));
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        return signWithTimestampText(secrets, id, Long.toString(timestamp), body);
    }

    /** Signs the timestamp text as given: SendGrid's receivers concatenate it as it is. */
    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String timestamp,
            byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateValue(secrets.get(0)), Curve.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest(timestamp, body));
        byte[] der;
        try {
            der = StandardDSAEncoding.INSTANCE.encode(Curve.DOMAIN.getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNATURE, Base64.getEncoder().encodeToString(der));
        headers.put(TIMESTAMP, timestamp);
        return headers;
    }

    @Override
    public Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance) {
        String header = Headers.get(headers, SIGNATURE);
        if (header == null) {
            return new Rejected(Reason.MISSING_HEADER, SIGNATURE + " header is missing");
        }
        String timestamp = Headers.get(headers, TIMESTAMP);
        if (timestamp == null) {
            return new Rejected(Reason.MISSING_TIMESTAMP, TIMESTAMP + " header is missing");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException notBase64) {
            der = null;
        }
        if (der == null || der.length == 0) {
            return new Rejected(Reason.MALFORMED_HEADER, SIGNATURE + " is not a base64 signature");
        }
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(Curve.DOMAIN.getN(), der);
        } catch (IOException | IllegalArgumentException notDer) {
            return new Rejected(Reason.BAD_SIGNATURE, SIGNATURE + " is no DER ECDSA signature");
        }
        byte[] hash = digest(timestamp, body);
        int matched = -1;
        for (int i = 0; i < secrets.size() && matched < 0; i++) {
            if (verifies(secrets.get(i), hash, rs)) {
                matched = i;
            }
        }
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "the signature in " + SIGNATURE + " does not verify with the "
                    + (secrets.size() == 1 ? "public key" : secrets.size() + " public keys"));
        }
        OptionalLong seconds = Timestamps.parse(timestamp);
        if (tolerance.direction() != Tolerance.Direction.NONE) {
            if (seconds.isEmpty()) {
                return new Rejected(Reason.MALFORMED_TIMESTAMP, TIMESTAMP + " is not unix seconds in digits");
            }
            Optional<Rejected> refusal = tolerance.check(seconds.getAsLong(), clock.instant().getEpochSecond());
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        return new Verification.Verified(seconds, matched);
    }

    /** Whether the signature verifies with this secret's public key; a secret that is no P-256 key verifies nothing. */
    private static boolean verifies(Secret secret, byte[] hash, BigInteger[] rs) {
        ECPoint q;
        try {
            q = publicPoint(secret);
        } catch (IllegalArgumentException notAKey) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, Curve.DOMAIN));
        return verifier.verifySignature(hash, rs[0], rs[1]);
    }

    private static byte[] digest(String timestamp, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public point of a secret: a public key as SendGrid shows it, or the public half of a signing key. */
    private static ECPoint publicPoint(Secret secret) {
        byte[] point = publicKeyOf(secret);
        return point != null ? Curve.P256.getCurve().decodePoint(point)
                : Curve.DOMAIN.getG().multiply(privateValue(secret)).normalize();
    }

    /** The point of a base64 DER P-256 SubjectPublicKeyInfo (PEM armour allowed), or null for anything else. */
    private static byte[] publicKeyOf(Secret secret) {
        byte[] der = decode(secret);
        if (der == null || der.length != SPKI_PREFIX.length + 65
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        try {
            byte[] point = Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
            Curve.P256.getCurve().decodePoint(point);
            return point;
        } catch (IllegalArgumentException notOnTheCurve) {
            throw new IllegalArgumentException("the public key is not a point of P-256");
        }
    }

    /** The private value of a base64 DER PKCS#8 P-256 signing key. */
    private static BigInteger privateValue(Secret secret) {
        byte[] der = decode(secret);
        if (der != null) {
            for (byte[] prefix : List.of(PKCS8_PREFIX, PKCS8_WITH_PUBLIC_PREFIX)) {
                if (der.length >= prefix.length + 32 && Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
                    BigInteger d = new BigInteger(1, Arrays.copyOfRange(der, prefix.length, prefix.length + 32));
                    if (d.signum() > 0 && d.compareTo(Curve.DOMAIN.getN()) < 0) {
                        return d;
                    }
                }
            }
        }
        if (publicKeyOf(secret) != null) {
            throw new IllegalArgumentException("a public key can verify but not sign; sign with the P-256 signing key"
                    + " (base64 PKCS#8) whose public half the receiver holds");
        }
        throw new IllegalArgumentException("the secret is not a P-256 signing key (base64 DER PKCS#8)");
    }

    private static byte[] decode(Secret secret) {
        String text = secret.reveal().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    @Override
    public String toString() {
        return "SignatureScheme[sendgrid]";
    }

    /** P-256, set up on first use (not when the profiles are defined): most runs never sign for SendGrid. */
    private static final class Curve {
        static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
        static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(),
                P256.getN(), P256.getH());
    }
}
