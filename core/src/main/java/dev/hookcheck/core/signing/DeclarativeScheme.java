package dev.hookcheck.core.signing;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.Crypto;
import dev.hookcheck.core.internal.Headers;
import dev.hookcheck.core.internal.Timestamps;
import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Source.From;
import dev.hookcheck.core.signing.SchemeSpec.Source.Unit;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs and verifies according to a {@link SchemeSpec}. Verification runs the steps of the vector
 * suite in order and reports the first that fails: headers present, signature header syntax,
 * known version, timestamp syntax, signature, timestamp from the body, tolerance.
 */
final class DeclarativeScheme implements SignatureScheme {
    private static final JsonMapper JSON = JsonMapper.shared();

    private final SchemeSpec spec;
    private final Template template;

    DeclarativeScheme(SchemeSpec spec) {
        this.spec = spec;
        this.template = new Template(spec.signedContent());
    }

    @Override
    public Optional<SchemeSpec> spec() {
        return Optional.of(spec);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String signatureHeader() {
        return spec.signature().header();
    }

    @Override
    public Tolerance defaultTolerance() {
        return spec.tolerance();
    }

    @Override
    public boolean supportsMultipleSignatures() {
        return spec.multipleSignatures();
    }

    @Override
    public boolean signsUrl() {
        return template.signsUrl();
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
        return signWithTimestampText(secrets, id, Long.toString(timestamp), body);
    }

    @Override
    public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body, String url) {
        return signWithTimestampText(secrets, id, Long.toString(timestamp), body, url);
    }

    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String ts, byte[] body) {
        if (signsUrl()) {
            throw new IllegalStateException(name() + " signs the request URL: sign for the URL the request goes to");
        }
        return signWithTimestampText(secrets, id, ts, body, "");
    }

    @Override
    public Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String ts, byte[] body,
            String url) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("sign needs at least one secret");
        }
        if (signsUrl() && (url == null || url.isEmpty())) {
            throw new IllegalArgumentException(name() + " signs the request URL, and none was given");
        }
        byte[][] content = template.render(id == null ? "" : id, ts, body, url == null ? "" : url);
        List<Secret> used = spec.multipleSignatures() ? secrets : secrets.subList(0, 1);
        String[] signatures = used.stream().map(s -> compute(spec.algorithm(), spec.signature(), Keys.derive(s, spec.key()),
                content)).toArray(String[]::new);

        Map<String, String> headers = new LinkedHashMap<>();
        if (spec.id().from() == From.HEADER) {
            headers.put(spec.id().name(), id);
        }
        if (spec.timestamp().from() == From.HEADER) {
            headers.put(spec.timestamp().name(), ts);
        }
        boolean tsInSignature = spec.timestamp().from() == From.SIGNATURE;
        headers.put(signatureHeader(), SignatureValues.format(spec.signature(), tsInSignature ? ts : null, signatures));
        for (SchemeSpec.LegacySignature legacy : spec.legacySignatures()) {
            String[] old = used.stream().map(s -> compute(legacy.algorithm(), legacy.signature(),
                    Keys.derive(s, spec.key()), content)).toArray(String[]::new);
            headers.put(legacy.signature().header(), SignatureValues.format(legacy.signature(),
                    tsInSignature ? ts : null, old));
        }
        return headers;
    }

    private String compute(byte[] key, byte[][] content) {
        return compute(spec.algorithm(), spec.signature(), key, content);
    }

    private static String compute(Algorithm algorithm, SchemeSpec.SignatureFormat format, byte[] key,
            byte[][] content) {
        byte[] raw = algorithm == Algorithm.ED25519
                ? Crypto.ed25519Sign(key, content)
                : Crypto.hmac(algorithm.jcaName(), key, content);
        return format.encoding() == SchemeSpec.Encoding.HEX
                ? Crypto.hex(raw)
                : Base64.getEncoder().encodeToString(raw);
    }

    @Override
    public Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance) {
        if (signsUrl()) {
            return new Rejected(Reason.BAD_SIGNATURE, name() + " signs the request URL: verify with the URL it was"
                    + " sent to");
        }
        return verify("", headers, body, secrets, clock, tolerance);
    }

    @Override
    public Verification verify(String url, Map<String, String> headers, byte[] body, List<Secret> secrets,
            Clock clock, Tolerance tolerance) {
        String header = Headers.get(headers, signatureHeader());
        if (header == null) {
            return new Rejected(Reason.MISSING_HEADER, signatureHeader() + " header is missing");
        }
        String id = "";
        if (spec.id().from() == From.HEADER) {
            id = Headers.get(headers, spec.id().name());
            if (id == null) {
                return new Rejected(Reason.MISSING_HEADER, spec.id().name() + " header is missing");
            }
        }
        String ts = null;
        if (spec.timestamp().from() == From.HEADER) {
            ts = Headers.get(headers, spec.timestamp().name());
            if (ts == null) {
                return new Rejected(Reason.MISSING_TIMESTAMP, spec.timestamp().name() + " header is missing");
            }
        }
        SignatureValues.Parsed parsed = SignatureValues.parse(spec.signature(), header);
        if (parsed.rejection() != null) {
            return parsed.rejection();
        }
        if (spec.timestamp().from() == From.SIGNATURE) {
            ts = parsed.timestamp();
            if (ts == null) {
                return new Rejected(Reason.MISSING_TIMESTAMP,
                        signatureHeader() + " has no " + spec.signature().timestampKey() + "= item");
            }
        }
        OptionalLong timestamp = OptionalLong.empty();
        if (ts != null) {
            timestamp = Timestamps.parse(ts);
            if (timestamp.isEmpty()) {
                return new Rejected(Reason.MALFORMED_TIMESTAMP, "timestamp is not unix seconds in digits");
            }
        }
        int matched = match(parsed.signatures(), template.render(id, ts == null ? "" : ts, body, url == null ? "" : url),
                secrets);
        if (matched < 0) {
            return new Rejected(Reason.BAD_SIGNATURE, "no signature in " + signatureHeader() + " matches the "
                    + (secrets.size() == 1 ? "secret" : secrets.size() + " secrets"));
        }
        if (spec.timestamp().from() == From.BODY) {
            Object fromBody = bodyTimestamp(body);
            if (fromBody instanceof Rejected r) {
                return r;
            }
            long t = (Long) fromBody;
            if (spec.timestamp().unit() == Unit.MILLISECONDS) {
                var refusal = tolerance.checkMillis(t, clock.millis());
                if (refusal.isPresent()) {
                    return refusal.get();
                }
                return new Verification.Verified(OptionalLong.of(Math.floorDiv(t, 1000)), matched);
            }
            timestamp = OptionalLong.of(t);
        }
        if (timestamp.isPresent()) {
            var refusal = tolerance.check(timestamp.getAsLong(), clock.instant().getEpochSecond());
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        return new Verification.Verified(timestamp, matched);
    }

    private int match(List<String> candidates, byte[][] content, List<Secret> secrets) {
        int matched = -1;
        for (int i = 0; i < secrets.size(); i++) {
            byte[] key = Keys.derive(secrets.get(i), spec.key());
            boolean any = spec.algorithm() == Algorithm.ED25519
                    ? candidates.stream().anyMatch(c -> ed25519Matches(key, c, content))
                    : anyEqual(compute(key, content), candidates);
            if (any && matched < 0) {
                matched = i;
            }
        }
        return matched;
    }

    /** Compares against every candidate, so the time taken does not tell which one matched. */
    static boolean anyEqual(String expected, List<String> candidates) {
        boolean any = false;
        for (String candidate : candidates) {
            any |= Crypto.constantTimeEquals(expected, candidate);
        }
        return any;
    }

    static boolean ed25519Matches(byte[] publicKey, String candidate, byte[][] content) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(candidate);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return Crypto.ed25519Verify(publicKey, signature, content);
    }

    private Object bodyTimestamp(byte[] body) {
        String pointer = spec.timestamp().name();
        JsonNode node;
        try {
            node = JSON.readTree(body).at(pointer);
        } catch (JacksonException notJson) {
            return new Rejected(Reason.MISSING_TIMESTAMP, "body is not JSON, so it has no " + pointer);
        }
        if (node.isMissingNode()) {
            return new Rejected(Reason.MISSING_TIMESTAMP, "body has no " + pointer);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return new Rejected(Reason.MALFORMED_TIMESTAMP, pointer + " in the body is not unix "
                    + spec.timestamp().unit().code() + " (a whole number)");
        }
        return node.longValue();
    }

    @Override
    public String toString() {
        return "SignatureScheme[" + name() + "]";
    }
}
