package dev.hookcheck.core.internal.providers.box;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Crypto;
import dev.hookcheck.core.internal.Headers;
import dev.hookcheck.core.internal.Timestamps;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Box webhooks v2: {@code BOX-SIGNATURE-PRIMARY} and {@code BOX-SIGNATURE-SECONDARY}, each the base64
 * HMAC-SHA256 of the body bytes followed by the {@code BOX-DELIVERY-TIMESTAMP} bytes, keyed with the app's
 * primary and secondary signature keys; {@code BOX-SIGNATURE-VERSION: 1} and
 * {@code BOX-SIGNATURE-ALGORITHM: HmacSHA256} name the scheme. Two keys exist so that one can be
 * changed while the other still verifies, so a receiver accepts a match of either. The timestamp is
 * RFC 3339 (Box writes its Pacific offset), which a declarative scheme cannot read.
 */
final class BoxScheme implements SignatureScheme {
    static final String TIMESTAMP = "BOX-DELIVERY-TIMESTAMP";
    static final String PRIMARY = "BOX-SIGNATURE-PRIMARY";
    static final String SECONDARY = "BOX-SIGNATURE-SECONDARY";
    static final String VERSION = "BOX-SIGNATURE-VERSION";
    static final String ALGORITHM = "BOX-SIGNATURE-ALGORITHM";
    /** Box's SDKs refuse a delivery older than 10 minutes; see the profile's assumptions for the future side. */
    private static final Tolerance TOLERANCE = Tolerance.both(Duration.ofMinutes(10));
    private static final DateTimeFormatter BOX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneId.of("America/Los_Angeles"));

    @Override
    public String name() {
        return "box";
    }

    @Override
    public String signatureHeader() {
        return PRIMARY;
    }

    @Override
    public Tolerance defaultTolerance() {
        return TOLERANCE;
    }

    /** The primary and the secondary key sign at once, each in its own header. */
    @Override
    public boolean supportsMultipleSignatures() {
        return true;
    }

    /** The timestamp as Box writes it: RFC 3339 seconds with the offset of Box's Pacific clock. */
    static String format(long unixSeconds) {
        return BOX_TIME.format(Instant.ofEpochSecond(unixSeconds));
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        return signWithTimestampText(secrets, id, Long.toString(timestamp), body);
    }

    /**
     * Signs with the timestamp text as given, except that digits are unix seconds (what checks pass for a
     * valid timestamp) and are written as Box writes them. The first secret is the primary key, a second
     * one the secondary key.
     */
    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String text, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        OptionalLong seconds = Timestamps.parse(text);
        String timestamp = seconds.isPresent() ? format(seconds.getAsLong()) : text;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP, timestamp);
        headers.put(PRIMARY, mac(secrets.get(0), body, timestamp));
        if (secrets.size() > 1) {
            headers.put(SECONDARY, mac(secrets.get(1), body, timestamp));
        }
        headers.put(VERSION, "1");
        headers.put(ALGORITHM, "HmacSHA256");
        return headers;
    }

    private static String mac(Secret secret, byte[] body, String timestamp) {
        return Base64.getEncoder().encodeToString(Crypto.hmac("HmacSHA256",
                secret.reveal().getBytes(StandardCharsets.UTF_8),
                new byte[][] {body, timestamp.getBytes(StandardCharsets.UTF_8)}));
    }

    @Override
    public Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance) {
        List<String> signatures = new ArrayList<>();
        for (String name : List.of(PRIMARY, SECONDARY)) {
            String value = Headers.get(headers, name);
            if (value != null) {
                signatures.add(value.strip());
            }
        }
        if (signatures.isEmpty()) {
            return new Rejected(Reason.MISSING_HEADER, PRIMARY + " and " + SECONDARY + " headers are missing");
        }
        String text = Headers.get(headers, TIMESTAMP);
        if (text == null) {
            return new Rejected(Reason.MISSING_TIMESTAMP, TIMESTAMP + " header is missing");
        }
        String version = Headers.get(headers, VERSION);
        String algorithm = Headers.get(headers, ALGORITHM);
        if (version == null || algorithm == null) {
            return new Rejected(Reason.MISSING_HEADER, (version == null ? VERSION : ALGORITHM) + " header is missing");
        }
        for (String signature : signatures) {
            if (signature.isEmpty() || !isBase64(signature)) {
                return new Rejected(Reason.MALFORMED_HEADER, "a BOX-SIGNATURE header is not base64");
            }
        }
        if (!version.strip().equals("1") || !algorithm.strip().equals("HmacSHA256")) {
            return new Rejected(Reason.UNSUPPORTED_VERSION, "only " + VERSION + " 1 with " + ALGORITHM
                    + " HmacSHA256 is known");
        }
        OptionalLong timestamp = parse(text);
        if (timestamp.isEmpty()) {
            return new Rejected(Reason.MALFORMED_TIMESTAMP, TIMESTAMP + " is not an RFC 3339 date and time");
        }
        int matched = -1;
        for (int i = 0; i < secrets.size(); i++) {
            String expected = mac(secrets.get(i), body, text);
            boolean any = false;
            for (String signature : signatures) {
                any |= Crypto.constantTimeEquals(expected, signature);
            }
            if (any && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "neither BOX-SIGNATURE header matches the "
                    + (secrets.size() == 1 ? "key" : secrets.size() + " keys"));
        }
        var refusal = tolerance.check(timestamp.getAsLong(), clock.instant().getEpochSecond());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return new Verification.Verified(timestamp, matched);
    }

    /** Standard base64 as an encoder writes it (padded), which is what Box sends. */
    private static boolean isBase64(String text) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Unix seconds of an RFC 3339 date and time (fractions dropped), or empty. */
    static OptionalLong parse(String text) {
        try {
            return OptionalLong.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond());
        } catch (DateTimeParseException notRfc3339) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return "SignatureScheme[box]";
    }
}
