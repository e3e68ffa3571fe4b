package dev.hookcheck.mock.internal.credential;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The public key of a key credential, as Dfns accepts them: Ed25519 or Ed448 (EdDSA), ECDSA on any
 * named curve (signatures ASN.1/DER-encoded, as Node's {@code crypto.sign} makes them), or RSA of at
 * least 2048 bits (PKCS#1 v1.5). ECDSA and RSA signatures are over SHA-256 (Node's choice for
 * {@code crypto.sign(undefined, data, key)}), or SHA-384 or SHA-512: a signer such as the SDK's
 * {@code AsymmetricKeySigner} signs with the digest it was given but does not say which, so without
 * a named digest each of the three is tried.
 */
public final class CredentialKey {
    /** BouncyCastle for ECDSA: the JDK has dropped secp256k1 and other curves Node still signs with. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    private static final int MIN_RSA_BITS = 2048;
    private static final List<String> HASHES = List.of("SHA-256", "SHA-384", "SHA-512");
    /** RFC 8410. */
    private static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");
    private static final ASN1ObjectIdentifier ED448_OID = new ASN1ObjectIdentifier("1.3.101.113");

    private enum Family { ED25519, ED448, ECDSA, RSA }

    private final Family family;
    private final PublicKey key;
    private final String algorithm;
    private final String pem;

    private CredentialKey(Family family, PublicKey key, String algorithm, String pem) {
        this.family = family;
        this.key = key;
        this.algorithm = algorithm;
        this.pem = pem;
    }

    /**
     * Reads a PEM {@code SubjectPublicKeyInfo} ({@code -----BEGIN PUBLIC KEY-----}, what
     * {@code openssl pkey -pubout} and Node's {@code export({type:'spki',format:'pem'})} write).
     *
     * @throws IllegalArgumentException with a message for the person who sent it
     */
    public static CredentialKey parse(String text) {
        Matcher pem = PEM.matcher(text == null ? "" : text.strip());
        if (!pem.matches()) {
            throw new IllegalArgumentException("must be a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----),"
                    + " as `openssl pkey -pubout` writes it");
        }
        byte[] der = null;
        SubjectPublicKeyInfo info;
        try {
            der = Base64.getMimeDecoder().decode(pem.group(1));
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IllegalArgumentException | IOException | IllegalStateException | ClassCastException e) {
            info = null;
        }
        if (info == null) {
            throw new IllegalArgumentException("is not a readable public key: its base64 is not a DER SubjectPublicKeyInfo");
        }
        CredentialKey key = read(info, der);
        try {
            // a key factory takes some keys a verifier refuses (an Ed25519 point off the curve): refuse them now
            key.verifier("SHA256").initVerify(key.key);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("is not a valid " + key.algorithm + " public key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key.algorithm + " verification is not available in this JVM", e);
        }
        return key;
    }

    private static CredentialKey read(SubjectPublicKeyInfo info, byte[] der) {
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        try {
            if (oid.equals(ED25519_OID)) {
                return new CredentialKey(Family.ED25519, KeyFactory.getInstance("Ed25519").generatePublic(spec(der)),
                        "Ed25519", toPem(der));
            }
            if (oid.equals(ED448_OID)) {
                return new CredentialKey(Family.ED448, KeyFactory.getInstance("Ed448").generatePublic(spec(der)),
                        "Ed448", toPem(der));
            }
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
                    throw new IllegalArgumentException("is an ECDSA key without a named curve; use a named curve such as"
                            + " prime256v1 (P-256)");
                }
                String name = ECNamedCurveTable.getName(curve);
                return new CredentialKey(Family.ECDSA, KeyFactory.getInstance("EC", BC).generatePublic(spec(der)),
                        "ECDSA " + (name != null ? name : curve.getId()), toPem(der));
            }
            if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec(der));
                int bits = rsa.getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("is an RSA key of " + bits + " bits; use at least " + MIN_RSA_BITS);
                }
                return new CredentialKey(Family.RSA, rsa, "RSA " + bits, toPem(der));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a valid key of its kind (" + oid.getId() + ")");
        }
        throw new IllegalArgumentException("is a key of algorithm " + oid.getId()
                + ", which cannot sign user actions; use Ed25519, ECDSA (prime256v1) or RSA");
    }

    /**
     * Whether {@code signature} is this key's signature of {@code data}.
     *
     * @param digest the hash an ECDSA or RSA signature was made with ({@code SHA256}, {@code SHA384},
     *     {@code SHA512}, Node's spelling or with a dash); null for any of them. EdDSA takes none.
     * @throws IllegalArgumentException for a digest this key cannot use
     */
    public boolean verify(byte[] data, byte[] signature, String digest) {
        if (family == Family.ED25519 || family == Family.ED448) {
            if (digest != null) {
                throw new IllegalArgumentException(algorithm + " signs without a separate digest; send no algorithm");
            }
            return verifyWith(null, data, signature);
        }
        List<String> hashes = digest == null ? HASHES : List.of(hashName(digest));
        for (String hash : hashes) {
            if (verifyWith(hash.replace("-", ""), data, signature)) {
                return true;
            }
        }
        return false;
    }

    /** A verifier for {@code digest} ({@code SHA256}…); EdDSA's takes none. */
    private Signature verifier(String digest) throws GeneralSecurityException {
        return switch (family) {
            case ED25519, ED448 -> Signature.getInstance(algorithm);
            case ECDSA -> Signature.getInstance(digest + "withECDSA", BC);
            case RSA -> Signature.getInstance(digest + "withRSA");
        };
    }

    private boolean verifyWith(String digest, byte[] data, byte[] signature) {
        try {
            Signature verifier = verifier(digest);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // not even shaped like a signature of this key (for example raw r||s for ECDSA)
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " verification is not available in this JVM", e);
        }
    }

    /** What the key is, for people: {@code Ed25519}, {@code ECDSA prime256v1}, {@code RSA 3072}. */
    public String algorithm() {
        return algorithm;
    }

    /** How a signature of this key is made, for error messages. */
    public String signatureFormat(String digest) {
        String hashes = digest == null ? "SHA-256, SHA-384 or SHA-512" : hashName(digest);
        return switch (family) {
            case ED25519, ED448 -> algorithm;
            case ECDSA -> algorithm + " over " + hashes + ", ASN.1/DER-encoded";
            case RSA -> algorithm + " PKCS#1 v1.5 over " + hashes;
        };
    }

    /** The key as PEM, 64 characters a line. */
    public String pem() {
        return pem;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CredentialKey k && k.pem.equals(pem);
    }

    @Override
    public int hashCode() {
        return pem.hashCode();
    }

    @Override
    public String toString() {
        return algorithm + " public key";
    }

    static String toPem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + base64Lines(der) + "-----END PUBLIC KEY-----\n";
    }

    static String base64Lines(byte[] der) {
        return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n";
    }

    private static X509EncodedKeySpec spec(byte[] der) {
        return new X509EncodedKeySpec(der);
    }

    private static String hashName(String digest) {
        String normalized = digest.toUpperCase(Locale.ROOT).replaceFirst("^(RSA-|ECDSA-WITH-)", "").replace("-", "");
        return switch (normalized) {
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> throw new IllegalArgumentException("algorithm must be SHA256, SHA384 or SHA512, or absent, got '"
                    + digest + "'");
        };
    }
}
