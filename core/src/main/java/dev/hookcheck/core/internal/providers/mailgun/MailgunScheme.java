package dev.hookcheck.core.internal.providers.mailgun;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Crypto;
import dev.hookcheck.core.signing.BodyField;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mailgun's webhooks carry no signature header: the JSON body starts with
 * {@code "signature":{"timestamp":"<unix s>","token":"<50 hex>","signature":"<hex>"}}, the hex HMAC-SHA256 of
 * the timestamp text followed by the token, keyed with the Webhook Signing Key's text. Nothing else of the
 * body is signed, so a receiver cannot tell a changed body; it refuses a stale timestamp and remembers
 * tokens to refuse a replay. The token is the signing id the payload gives each attempt.
 */
final class MailgunScheme implements SignatureScheme {
    static final String POINTER = "/signature/signature";
    /** Mailgun asks to compare the timestamp with the clock and names no window: ±5 min is assumed. */
    private static final Tolerance TOLERANCE = Tolerance.both(Duration.ofMinutes(5));
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    public String name() {
        return "mailgun";
    }

    /** No header: the body's {@code signature.signature} field, named for people. */
    @Override
    public String signatureHeader() {
        return "signature.signature";
    }

    @Override
    public Optional<String> signatureInBody() {
        return Optional.of(POINTER);
    }

    @Override
    public Tolerance defaultTolerance() {
        return TOLERANCE;
    }

    @Override
    public boolean supportsMultipleSignatures() {
        return false;
    }

    /** The body with Mailgun's signature object first, the rest of its bytes as they were. */
    @Override
    public byte[] signedBody(List<Secret> secrets, String token, String timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        ObjectNode signature = JSON.createObjectNode();
        signature.put("timestamp", timestamp).put("token", token == null ? "" : token)
                .put("signature", mac(secrets.get(0), timestamp + (token == null ? "" : token)));
        return BodyField.first(body, "signature", JSON.writeValueAsString(signature));
    }

    /** No headers: the signature travels in the body ({@link #signedBody}). */
    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        return Map.of();
    }

    @Override
    public Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return new Rejected(Reason.MISSING_HEADER, "the body is not JSON, so it carries no signature object");
        }
        JsonNode object = root == null ? null : root.get("signature");
        if (object == null || !object.isObject()) {
            return new Rejected(Reason.MISSING_HEADER, "the body has no signature object");
        }
        JsonNode signature = object.get("signature");
        JsonNode token = object.get("token");
        if (signature == null || signature.isNull()) {
            return new Rejected(Reason.MISSING_HEADER, "signature.signature is missing");
        }
        if (token == null || token.isNull()) {
            return new Rejected(Reason.MISSING_HEADER, "signature.token is missing");
        }
        if (!signature.isString() || !HEX.matcher(signature.stringValue()).matches() || !token.isString()) {
            return new Rejected(Reason.MALFORMED_HEADER, "signature.signature is not hex digits, or signature.token is"
                    + " not text");
        }
        JsonNode timestamp = object.get("timestamp");
        if (timestamp == null || timestamp.isNull()) {
            return new Rejected(Reason.MISSING_TIMESTAMP, "signature.timestamp is missing");
        }
        String text = timestamp.isString() ? timestamp.stringValue() : timestamp.isIntegralNumber() ? timestamp.asString()
                : null;
        if (text == null || !DIGITS.matcher(text).matches()) {
            return new Rejected(Reason.MALFORMED_TIMESTAMP, "signature.timestamp is not unix seconds in digits");
        }
        String content = text + token.stringValue();
        int matched = -1;
        for (int i = 0; i < secrets.size(); i++) {
            boolean equal = Crypto.constantTimeEquals(mac(secrets.get(i), content), signature.stringValue());
            if (equal && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "signature.signature does not match the "
                    + (secrets.size() == 1 ? "signing key" : secrets.size() + " signing keys"));
        }
        long t = Long.parseLong(text);
        Optional<Rejected> refusal = tolerance.check(t, clock.instant().getEpochSecond());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return new Verification.Verified(OptionalLong.of(t), matched);
    }

    private static String mac(Secret key, String content) {
        return Crypto.hex(Crypto.hmac("HmacSHA256", key.utf8(), new byte[][] {content.getBytes(StandardCharsets.UTF_8)}));
    }

    @Override
    public String toString() {
        return "SignatureScheme[mailgun]";
    }
}
