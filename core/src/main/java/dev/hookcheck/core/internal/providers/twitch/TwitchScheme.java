package dev.hookcheck.core.internal.providers.twitch;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Twitch EventSub's webhook transport: {@code Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256>}
 * over the message id, the timestamp and the body joined without separators, keyed with the
 * subscription's secret text. The timestamp is RFC 3339 (Twitch writes nanoseconds), which a
 * declarative scheme cannot read: it only knows unix seconds. Messages older than 10 minutes are refused.
 */
final class TwitchScheme implements SignatureScheme {
    static final String ID = "Twitch-Eventsub-Message-Id";
    static final String TIMESTAMP = "Twitch-Eventsub-Message-Timestamp";
    static final String SIGNATURE = "Twitch-Eventsub-Message-Signature";
    private static final String PREFIX = "sha256=";
    private static final Tolerance TOLERANCE = Tolerance.pastOnly(Duration.ofMinutes(10));

    @Override
    public String name() {
        return "twitch";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    @Override
    public Tolerance defaultTolerance() {
        return TOLERANCE;
    }

    @Override
    public boolean supportsMultipleSignatures() {
        return false;
    }

    /** The timestamp as Twitch writes it: RFC 3339 in UTC. */
    static String format(long unixSeconds) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(unixSeconds));
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        return signWithTimestampText(secrets, id, Long.toString(timestamp), body);
    }

    /**
     * Signs with the timestamp text as given, RFC 3339 or not, except that digits are unix seconds (what
     * checks pass for a valid timestamp) and are written as Twitch writes them.
     */
    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String text, byte[] body) {
        OptionalLong seconds = Timestamps.parse(text);
        String timestamp = seconds.isPresent() ? format(seconds.getAsLong()) : text;
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        String messageId = id == null ? "" : id;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, PREFIX + mac(secrets.get(0), messageId, timestamp, body));
        return headers;
    }

    private static String mac(Secret secret, String id, String timestamp, byte[] body) {
        return Crypto.hex(Crypto.hmac("HmacSHA256", secret.reveal().getBytes(StandardCharsets.UTF_8),
                new byte[][] {(id + timestamp).getBytes(StandardCharsets.UTF_8), body}));
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
        String text = Headers.get(headers, TIMESTAMP);
        if (text == null) {
            return new Rejected(Reason.MISSING_TIMESTAMP, TIMESTAMP + " header is missing");
        }
        String value = header.strip();
        if (value.isEmpty()) {
            return new Rejected(Reason.MALFORMED_HEADER, SIGNATURE + " is empty");
        }
        if (!value.startsWith(PREFIX)) {
            return value.indexOf('=') >= 0
                    ? new Rejected(Reason.UNSUPPORTED_VERSION, SIGNATURE + " does not start with " + PREFIX)
                    : new Rejected(Reason.MALFORMED_HEADER, SIGNATURE + " is not " + PREFIX + "<signature>");
        }
        OptionalLong timestamp = parse(text);
        if (timestamp.isEmpty()) {
            return new Rejected(Reason.MALFORMED_TIMESTAMP, TIMESTAMP + " is not an RFC 3339 date and time");
        }
        String candidate = value.substring(PREFIX.length());
        int matched = -1;
        for (int i = 0; i < secrets.size(); i++) {
            if (Crypto.constantTimeEquals(mac(secrets.get(i), id, text, body), candidate) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "the signature in " + SIGNATURE + " does not match the "
                    + (secrets.size() == 1 ? "secret" : secrets.size() + " secrets"));
        }
        var refusal = tolerance.check(timestamp.getAsLong(), clock.instant().getEpochSecond());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return new Verification.Verified(timestamp, matched);
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
        return "SignatureScheme[twitch]";
    }
}
