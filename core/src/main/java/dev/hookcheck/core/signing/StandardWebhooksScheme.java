package dev.hookcheck.core.signing;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Crypto;
import dev.hookcheck.core.internal.Headers;
import dev.hookcheck.core.internal.Timestamps;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Standard Webhooks 1.0 (also what Svix sends): {@code webhook-id}, {@code webhook-timestamp} and a
 * space-separated {@code webhook-signature} list over {@code {id}.{timestamp}.{body}}.
 * {@code v1} is HMAC-SHA256 keyed with the base64 decoding of a {@code whsec_} secret; {@code v1a}
 * is Ed25519, signed with a {@code whsk_} key and verified with a {@code whpk_} key (or the public
 * half of a {@code whsk_} key). Both kinds of secret may be mixed, one signature each.
 */
final class StandardWebhooksScheme implements SignatureScheme {
    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";
    private static final String SIGNING_KEY_PREFIX = "whsk_";
    private static final String PUBLIC_KEY_PREFIX = "whpk_";
    private static final Template CONTENT = new Template("{id}.{timestamp}.{body}");
    private static final SchemeSpec.KeyFormat HMAC_KEY = SchemeSpec.KeyFormat.base64(SECRET_PREFIX);
    private static final SchemeSpec.KeyFormat PUBLIC_KEY = SchemeSpec.KeyFormat.base64(PUBLIC_KEY_PREFIX);
    private static final SchemeSpec.KeyFormat ED25519_KEY = SchemeSpec.KeyFormat.base64(SIGNING_KEY_PREFIX, PUBLIC_KEY_PREFIX);

    @Override
    public String name() {
        return "standard-webhooks";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    @Override
    public Tolerance defaultTolerance() {
        return Tolerance.both(Duration.ofMinutes(5));
    }

    @Override
    public boolean supportsMultipleSignatures() {
        return true;
    }

    /** The {@code whpk_} public key of a {@code whsk_} signing key; a {@code whsec_} secret is shared, so itself. */
    @Override
    public Secret verificationKey(Secret secret) {
        if (!secret.startsWith(SIGNING_KEY_PREFIX)) {
            return secret;
        }
        return Secret.of(PUBLIC_KEY_PREFIX + base64(Crypto.ed25519PublicKey(ed25519Key(secret))));
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        return signWithTimestampText(secrets, id, Long.toString(timestamp), body);
    }

    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String ts, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        byte[][] content = CONTENT.render(id, ts, body);
        String signature = null;
        for (Secret secret : secrets) {
            if (secret.startsWith(PUBLIC_KEY_PREFIX)) {
                throw new IllegalArgumentException("a whpk_ public key can verify but not sign; sign with the whsk_ key");
            }
            String entry = (secret.startsWith(SIGNING_KEY_PREFIX)
                    ? "v1a," + base64(Crypto.ed25519Sign(ed25519Key(secret), content))
                    : v1(Crypto.hmac("HmacSHA256", Keys.derive(secret, HMAC_KEY), content)));
            signature = signature == null ? entry : signature + " " + entry;
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put(ID, id);
        headers.put(TIMESTAMP, ts);
        headers.put(SIGNATURE, signature);
        return headers;
    }

    @Override
    public Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance) {
        String header = Headers.get(headers, SIGNATURE);
        if (header == null) {
            return new Rejected(Reason.MISSING_HEADER, SIGNATURE + " header is missing");
        }
        String id = Headers.get(headers, ID);
        if (id == null) {
            return new Rejected(Reason.MISSING_HEADER, ID + " header is missing");
        }
        String ts = Headers.get(headers, TIMESTAMP);
        if (ts == null) {
            return new Rejected(Reason.MISSING_TIMESTAMP, TIMESTAMP + " header is missing");
        }
        List<String[]> entries = header.isBlank() ? null : SignatureValues.listEntries(header);
        if (entries == null) {
            return new Rejected(Reason.MALFORMED_HEADER, SIGNATURE + " is not a list of <version>,<signature>");
        }
        List<String> v1 = new ArrayList<>();
        List<String> v1a = new ArrayList<>();
        for (String[] entry : entries) {
            switch (entry[0]) {
                case "v1" -> v1.add(entry[1]);
                case "v1a" -> v1a.add(entry[1]);
                default -> { } // unknown versions never count: a downgrade must not pass
            }
        }
        if (v1.isEmpty() && v1a.isEmpty()) {
            return new Rejected(Reason.UNSUPPORTED_VERSION, SIGNATURE + " has no v1 or v1a signature");
        }
        OptionalLong timestamp = Timestamps.parse(ts);
        if (timestamp.isEmpty()) {
            return new Rejected(Reason.MALFORMED_TIMESTAMP, TIMESTAMP + " is not unix seconds in digits");
        }
        byte[][] content = CONTENT.render(id, ts, body);
        int matched = -1;
        for (int i = 0; i < secrets.size(); i++) {
            if (matches(secrets.get(i), v1, v1a, content) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "no signature in " + SIGNATURE + " matches the "
                    + (secrets.size() == 1 ? "secret" : secrets.size() + " secrets"));
        }
        var refusal = tolerance.check(timestamp.getAsLong(), clock.instant().getEpochSecond());
        return refusal.isPresent() ? refusal.get() : new Verification.Verified(timestamp, matched);
    }

    private static boolean matches(Secret secret, List<String> v1, List<String> v1a, byte[][] content) {
        if (secret.startsWith(PUBLIC_KEY_PREFIX) || secret.startsWith(SIGNING_KEY_PREFIX)) {
            byte[] publicKey = secret.startsWith(PUBLIC_KEY_PREFIX)
                    ? Keys.derive(secret, PUBLIC_KEY)
                    : Crypto.ed25519PublicKey(ed25519Key(secret));
            boolean any = false;
            for (String candidate : v1a) {
                any |= DeclarativeScheme.ed25519Matches(publicKey, candidate, content);
            }
            return any;
        }
        String expected = base64(Crypto.hmac("HmacSHA256", Keys.derive(secret, HMAC_KEY), content));
        return DeclarativeScheme.anyEqual(expected, v1);
    }

    private static byte[] ed25519Key(Secret secret) {
        byte[] key = Keys.derive(secret, ED25519_KEY);
        if (key.length != 32) {
            throw new IllegalArgumentException("an Ed25519 key must be 32 bytes, this one has " + key.length);
        }
        return key;
    }

    /** {@code v1,<base64>} built in one array: signing is a hot path. */
    private static String v1(byte[] mac) {
        byte[] encoded = Base64.getEncoder().encode(mac);
        byte[] value = new byte[3 + encoded.length];
        value[0] = 'v';
        value[1] = '1';
        value[2] = ',';
        System.arraycopy(encoded, 0, value, 3, encoded.length);
        return new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "SignatureScheme[" + name() + "]";
    }
}
