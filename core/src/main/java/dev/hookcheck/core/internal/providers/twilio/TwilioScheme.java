package dev.hookcheck.core.internal.providers.twilio;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Crypto;
import dev.hookcheck.core.internal.Headers;
import dev.hookcheck.core.internal.providers.Query;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Twilio's request signing for a JSON body: Twilio adds {@code bodySHA256=<hex SHA-256 of the raw body>} to
 * the URL's query and sends {@code X-Twilio-Signature: <base64 HMAC-SHA1 of that full URL>}, keyed with the
 * account's auth token (a form-encoded request would append its sorted parameters to the URL; a JSON one
 * has none). A receiver checks the signature over the URL exactly as requested, then the body against the
 * URL's {@code bodySHA256}, as twilio-node's {@code validateRequestWithBody} does. No timestamp.
 */
final class TwilioScheme implements SignatureScheme {
    static final String SIGNATURE = "X-Twilio-Signature";
    static final String BODY_HASH = "bodySHA256";

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    @Override
    public Tolerance defaultTolerance() {
        return Tolerance.none();
    }

    /** Twilio signs with the primary auth token only; a secondary token signs nothing until promoted. */
    @Override
    public boolean supportsMultipleSignatures() {
        return false;
    }

    @Override
    public boolean signsUrl() {
        return true;
    }

    /**
     * The receiver's URL with {@code bodySHA256} added at the end of its query; a URL that carries this
     * body's hash already is the delivery URL itself (so signing for a delivered request's URL signs that URL).
     */
    @Override
    public String deliveryUrl(String url, byte[] body) {
        String hash = sha256Hex(body);
        if (hash.equals(queryParameter(url, BODY_HASH))) {
            return url;
        }
        return url + (url.indexOf('?') >= 0 ? "&" : "?") + BODY_HASH + "=" + hash;
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        throw new IllegalStateException("twilio signs the request URL: sign for the URL the request goes to");
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body, String url) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("twilio signs the request URL, and none was given");
        }
        return Map.of(SIGNATURE, mac(secrets.get(0), url));
    }

    /** Twilio signs no timestamp: the text is ignored, as {@link #sign} ignores the number. */
    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String timestamp, byte[] body,
            String url) {
        return sign(secrets, id, 0, body, url);
    }

    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String timestamp,
            byte[] body) {
        return sign(secrets, id, 0, body);
    }

    private static String mac(Secret token, String url) {
        return Base64.getEncoder().encodeToString(Crypto.hmac("HmacSHA1", token.utf8(),
                new byte[][] {url.getBytes(StandardCharsets.UTF_8)}));
    }

    static String sha256Hex(byte[] body) {
        try {
            return Crypto.hex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance) {
        return new Rejected(Reason.BAD_SIGNATURE, "twilio signs the request URL: verify with the URL it was sent to");
    }

    @Override
    public Verification verify(String url, Map<String, String> headers, byte[] body, List<Secret> secrets,
            Clock clock, Tolerance tolerance) {
        String header = Headers.get(headers, SIGNATURE);
        if (header == null) {
            return new Rejected(Reason.MISSING_HEADER, SIGNATURE + " header is missing");
        }
        String candidate = header.strip();
        if (candidate.isEmpty()) {
            return new Rejected(Reason.MALFORMED_HEADER, SIGNATURE + " is empty");
        }
        if (url == null || url.isEmpty()) {
            return new Rejected(Reason.BAD_SIGNATURE, "twilio signs the request URL: verify with the URL it was sent"
                    + " to");
        }
        int matched = -1;
        for (int i = 0; i < secrets.size(); i++) {
            if (Crypto.constantTimeEquals(mac(secrets.get(i), url), candidate) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "the signature in " + SIGNATURE + " does not match the URL under"
                    + " the " + (secrets.size() == 1 ? "auth token" : secrets.size() + " auth tokens"));
        }
        String hash = queryParameter(url, BODY_HASH);
        if (hash == null) {
            return new Rejected(Reason.BAD_SIGNATURE, "the URL has no " + BODY_HASH + " parameter, so nothing"
                    + " vouches for the body");
        }
        if (!Crypto.constantTimeEquals(sha256Hex(body), hash)) {
            return new Rejected(Reason.BAD_SIGNATURE, "the body does not match the URL's " + BODY_HASH);
        }
        return new Verification.Verified(OptionalLong.empty(), matched);
    }

    /** The first value of a query parameter as written (Twilio's hex needs no decoding), or null. */
    static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        int end = url.indexOf('#', query);
        return Query.parameter(url.substring(query + 1, end < 0 ? url.length() : end), name);
    }

    @Override
    public String toString() {
        return "SignatureScheme[twilio]";
    }
}
