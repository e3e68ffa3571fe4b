package dev.hookcheck.core.signing;

import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SchemeSpec.Style;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON form of a {@link SchemeSpec}, strictly: unknown fields are errors, not typos to ignore. */
final class SchemeSpecJson {
    private SchemeSpecJson() {}

    static SchemeSpec read(String json) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("scheme is not valid JSON: " + e.getOriginalMessage());
        }
        object(root, "scheme", Set.of("name", "algorithm", "key", "signedContent", "signature", "timestamp", "id",
                "tolerance", "multipleSignatures", "legacySignatures"));
        String name = text(root, "name", "name", null);
        Algorithm algorithm = algorithm(root.path("algorithm"), "algorithm");
        JsonNode key = root.path("key");
        KeyFormat keyFormat = key.isMissingNode() ? KeyFormat.utf8() : keyFormat(key);
        String signedContent = text(root, "signedContent", "signedContent", null);
        SignatureFormat format = signatureFormat(root.path("signature"), "signature");
        Source timestamp = source(root.path("timestamp"), "timestamp");
        return new SchemeSpec(name, algorithm, keyFormat, signedContent, format,
                timestamp,
                source(root.path("id"), "id"),
                tolerance(root.path("tolerance"), timestamp),
                root.path("multipleSignatures").isMissingNode() ? false : bool(root.get("multipleSignatures")),
                legacySignatures(root.path("legacySignatures")));
    }

    private static SignatureFormat signatureFormat(JsonNode sig, String field) {
        object(sig, field, Set.of("header", "style", "version", "prefix", "encoding", "timestampKey", "separator"));
        Style style = enumValue(sig, field + ".style", Style.class);
        String version = style == Style.PREFIXED ? text(sig, field + ".prefix", "prefix", "")
                : text(sig, field + ".version", "version", null);
        return new SignatureFormat(text(sig, field + ".header", "header", null), style, version,
                enumValue(sig, field + ".encoding", Encoding.class),
                style == Style.PAIRS ? text(sig, field + ".timestampKey", "timestampKey", "t") : null,
                style == Style.PAIRS ? text(sig, field + ".separator", "separator", ",")
                        : sig.has("separator") ? text(sig, field + ".separator", "separator", null) : null);
    }

    private static List<SchemeSpec.LegacySignature> legacySignatures(JsonNode list) {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("legacySignatures must be an array of objects");
        }
        List<SchemeSpec.LegacySignature> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "legacySignatures[" + i + "]";
            JsonNode item = list.get(i);
            object(item, field, Set.of("algorithm", "signature"));
            out.add(new SchemeSpec.LegacySignature(algorithm(item.path("algorithm"), field + ".algorithm"),
                    signatureFormat(item.path("signature"), field + ".signature")));
        }
        return out;
    }

    private static Algorithm algorithm(JsonNode node, String field) {
        for (Algorithm a : Algorithm.values()) {
            if (node.isString() && a.code().equals(node.stringValue())) {
                return a;
            }
        }
        throw new IllegalArgumentException(field + " must be one of "
                + Arrays.stream(Algorithm.values()).map(Algorithm::code).collect(Collectors.joining(", "))
                + (node.isMissingNode() ? " (it is missing)" : " (got " + node + ")"));
    }

    private static KeyFormat keyFormat(JsonNode key) {
        object(key, "key", Set.of("encoding", "stripPrefixes"));
        KeyFormat.KeyEncoding encoding = enumValue(key, "key.encoding", KeyFormat.KeyEncoding.class);
        List<String> prefixes = new ArrayList<>();
        JsonNode list = key.path("stripPrefixes");
        if (!list.isMissingNode()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("key.stripPrefixes must be an array of strings");
            }
            for (JsonNode p : list) {
                if (!p.isString()) {
                    throw new IllegalArgumentException("key.stripPrefixes must be an array of strings");
                }
                prefixes.add(p.stringValue());
            }
        }
        return new KeyFormat(encoding, prefixes);
    }

    private static Source source(JsonNode node, String field) {
        if (node.isMissingNode()) {
            return Source.none();
        }
        object(node, field, Set.of("from", "name", "pointer", "unit"));
        Source.From from = enumValue(node, field + ".from", Source.From.class);
        Source.Unit unit = node.has("unit") ? enumValue(node, field + ".unit", Source.Unit.class) : Source.Unit.SECONDS;
        if (unit == Source.Unit.MILLISECONDS && from != Source.From.BODY) {
            throw new IllegalArgumentException(field + ".unit milliseconds needs from body (a header or item is read as"
                    + " unix seconds)");
        }
        return switch (from) {
            case HEADER -> Source.header(text(node, field + ".name", "name", null));
            case BODY -> {
                String pointer = text(node, field + ".pointer", "pointer", null);
                if (!pointer.startsWith("/")) {
                    throw new IllegalArgumentException(field + ".pointer must be a JSON pointer such as /timestampSent");
                }
                yield Source.body(pointer, unit);
            }
            case SIGNATURE -> Source.signature();
            case NONE -> Source.none();
        };
    }

    private static Tolerance tolerance(JsonNode node, Source timestamp) {
        if (node.isMissingNode()) {
            return timestamp.from() == Source.From.NONE ? Tolerance.none() : Tolerance.both(Duration.ofMinutes(5));
        }
        object(node, "tolerance", Set.of("seconds", "direction", "edge"));
        JsonNode seconds = node.path("seconds");
        if (!seconds.isMissingNode() && (!seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.longValue() < 0)) {
            throw new IllegalArgumentException("tolerance.seconds must be a whole number >= 0");
        }
        Tolerance.Direction direction = enumValue(node, "tolerance.direction", Tolerance.Direction.class);
        Tolerance.Edge edge = node.path("edge").isMissingNode() ? Tolerance.Edge.INCLUSIVE
                : enumValue(node, "tolerance.edge", Tolerance.Edge.class);
        return new Tolerance(Duration.ofSeconds(seconds.isMissingNode() ? 300 : seconds.longValue()), direction, edge);
    }

    private static void object(JsonNode node, String field, Set<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + " must be a JSON object" + (node.isMissingNode() ? " (it is missing)" : ""));
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(field + " has an unknown field '" + name + "' (allowed: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private static String text(JsonNode parent, String field, String name, String fallback) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() && fallback != null) {
            return fallback;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException(field + " must be a string" + (node.isMissingNode() ? " (it is missing)" : ""));
        }
        return node.stringValue();
    }

    private static boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("multipleSignatures must be true or false");
        }
        return node.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode parent, String field, Class<E> type) {
        JsonNode node = parent.path(field.substring(field.lastIndexOf('.') + 1));
        String allowed = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (node.isString()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(node.stringValue())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + allowed
                + (node.isMissingNode() ? " (it is missing)" : " (got " + node + ")"));
    }
}
