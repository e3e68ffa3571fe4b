package dev.hookcheck.core.internal.providers;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Payload;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the providers' folders share to build bodies, example data and secrets: compact JSON, the two
 * timestamp spellings providers use, random hex, base64 and letters.
 */
public final class Bodies {
    public static final JsonMapper JSON = JsonMapper.shared();
    public static final String JSON_TYPE = "application/json";
    /** JavaScript's {@code Date.toISOString()}: always milliseconds. */
    public static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Bodies() {}

    /** A JSON body signed at the attempt's time. */
    public static Payload payload(ObjectNode body, Map<String, String> headers, String signingId, Attempt attempt,
            String idempotencyKey) {
        return new Payload(JSON.writeValueAsBytes(body), headers, signingId, attempt.sentAt().getEpochSecond(),
                idempotencyKey);
    }

    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static String hex(RandomGenerator random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw).toLowerCase(Locale.ROOT);
    }

    public static String base64(RandomGenerator random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public static String alnum(RandomGenerator random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }
}
