package dev.hookcheck.core.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signature scheme described as data: which algorithm signs what content, in which header and
 * syntax, and where the timestamp and id travel. {@link SignatureSchemes#declarative(SchemeSpec)}
 * turns it into a working {@link SignatureScheme}; {@link #fromJson(String)} reads the JSON form
 * documented in {@code schemas/json/scheme.schema.json}.
 *
 * <p>The HMAC built-ins (Vitable, Dfns, Preo, Stripe, GitHub) are themselves specs, so a provider the
 * kit does not ship is as well supported as one it does.
 *
 * @param name a short name used in messages
 * @param algorithm what computes the signature
 * @param key how the secret text becomes key bytes
 * @param signedContent a template over {@code {id}}, {@code {timestamp}} and {@code {body}}, for
 *     example {@code {id}.{timestamp}.{body}}
 * @param signature the header and its syntax
 * @param timestamp where the signed timestamp travels
 * @param id where the signed message id travels
 * @param tolerance how far the timestamp may be from the receiver's clock
 * @param multipleSignatures whether several signatures may be sent at once (key rotation)
 * @param legacySignatures signatures of an older version of the scheme that the provider still sends
 *     beside the current one, for receivers that have not moved on (GitHub's {@code X-Hub-Signature:
 *     sha1=…} beside {@code X-Hub-Signature-256}): the same key and signed content under another
 *     algorithm and header. They are sent, never verified: a receiver verifies {@link #signature()}.
 */
public record SchemeSpec(
        String name,
        Algorithm algorithm,
        KeyFormat key,
        String signedContent,
        SignatureFormat signature,
        Source timestamp,
        Source id,
        Tolerance tolerance,
        boolean multipleSignatures,
        List<LegacySignature> legacySignatures) {

    /** A scheme that sends its current signature only. */
    public SchemeSpec(String name, Algorithm algorithm, KeyFormat key, String signedContent, SignatureFormat signature,
            Source timestamp, Source id, Tolerance tolerance, boolean multipleSignatures) {
        this(name, algorithm, key, signedContent, signature, timestamp, id, tolerance, multipleSignatures, List.of());
    }

    /**
     * A signature an older version of the scheme defined, still sent beside the current one.
     *
     * @param algorithm what computes it
     * @param signature its header and syntax (a pairs style carries the same timestamp item)
     */
    public record LegacySignature(Algorithm algorithm, SignatureFormat signature) {
        public LegacySignature {
            Objects.requireNonNull(algorithm, "legacySignatures.algorithm");
            Objects.requireNonNull(signature, "legacySignatures.signature");
        }
    }

    public enum Algorithm {
        HMAC_SHA1("HmacSHA1"),
        HMAC_SHA256("HmacSHA256"),
        HMAC_SHA512("HmacSHA512"),
        ED25519("Ed25519");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        public String jcaName() {
            return jcaName;
        }

        /** The JSON spelling, for example {@code hmac-sha256}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How signature bytes are written as text. */
    public enum Encoding {
        HEX,
        BASE64
    }

    /**
     * @param encoding {@code UTF8}: the secret text's bytes are the key; {@code BASE64}: the key is the
     *     base64 decoding of the text after one of {@code stripPrefixes} is removed
     * @param stripPrefixes prefixes removed before decoding, for example {@code whsec_}
     */
    public record KeyFormat(KeyEncoding encoding, List<String> stripPrefixes) {
        public enum KeyEncoding {
            UTF8,
            BASE64
        }

        public KeyFormat {
            Objects.requireNonNull(encoding, "key.encoding");
            stripPrefixes = List.copyOf(stripPrefixes);
        }

        public static KeyFormat utf8() {
            return new KeyFormat(KeyEncoding.UTF8, List.of());
        }

        public static KeyFormat base64(String... stripPrefixes) {
            return new KeyFormat(KeyEncoding.BASE64, List.of(stripPrefixes));
        }
    }

    /** The syntax of the signature header's value. */
    public enum Style {
        /** {@code <prefix><signature>}, for example {@code sha256=ab12…}. One signature. */
        PREFIXED,
        /**
         * {@code key=value} items, comma-separated unless the format names another separator, for example
         * {@code t=1700000000,v1=ab12…,v1=cd34…}.
         */
        PAIRS,
        /** Space-separated {@code <version>,<signature>} entries, for example {@code v1,K5oZ… v1,x9Fp…}. */
        LIST
    }

    /**
     * @param header the header name, in the provider's letter case
     * @param style the value syntax
     * @param version the prefix for {@code PREFIXED} (for example {@code sha256=}), the item key for
     *     {@code PAIRS} ({@code v1}), the entry version for {@code LIST} ({@code v1})
     * @param encoding how the signature bytes are written
     * @param timestampKey for {@code PAIRS}: the item that carries the timestamp ({@code t}), else null
     * @param separator for {@code PAIRS}: what separates the items, {@code ,} unless the provider uses another
     *     character (Paddle writes {@code ts=…;h1=…}); null for the other styles
     */
    public record SignatureFormat(String header, Style style, String version, Encoding encoding, String timestampKey,
            String separator) {
        public SignatureFormat {
            requireText(header, "signature.header");
            Objects.requireNonNull(style, "signature.style");
            Objects.requireNonNull(version, "signature.version");
            Objects.requireNonNull(encoding, "signature.encoding");
            if (style != Style.PREFIXED && version.isEmpty()) {
                throw new IllegalArgumentException("signature.version must not be empty for style " + style);
            }
            if (style == Style.PAIRS) {
                separator = separator == null ? "," : separator;
                if (separator.length() != 1 || "= ".contains(separator) || Character.isLetterOrDigit(separator.charAt(0))) {
                    throw new IllegalArgumentException("signature.separator must be one character other than a letter,"
                            + " a digit, '=' or a space");
                }
            } else if (separator != null) {
                throw new IllegalArgumentException("signature.separator is for style pairs only");
            }
        }

        /** Items separated by {@code ,} for {@code PAIRS}. */
        public SignatureFormat(String header, Style style, String version, Encoding encoding, String timestampKey) {
            this(header, style, version, encoding, timestampKey, null);
        }

        public static SignatureFormat prefixed(String header, String prefix, Encoding encoding) {
            return new SignatureFormat(header, Style.PREFIXED, prefix, encoding, null);
        }

        public static SignatureFormat pairs(String header, String timestampKey, String version, Encoding encoding) {
            return new SignatureFormat(header, Style.PAIRS, version, encoding, timestampKey);
        }

        /** {@code PAIRS} whose items are separated by {@code separator} instead of {@code ,}. */
        public static SignatureFormat pairs(String header, String timestampKey, String version, Encoding encoding,
                String separator) {
            return new SignatureFormat(header, Style.PAIRS, version, encoding, timestampKey, separator);
        }

        public static SignatureFormat list(String header, String version, Encoding encoding) {
            return new SignatureFormat(header, Style.LIST, version, encoding, null);
        }
    }

    /**
     * Where a signed value travels.
     *
     * @param from where to look
     * @param name the header name ({@code HEADER}) or JSON pointer ({@code BODY}); null otherwise
     * @param unit what a timestamp counts: unix seconds, or milliseconds for a timestamp in the body of a
     *     provider that writes milliseconds there (the tolerance is then compared in milliseconds)
     */
    public record Source(From from, String name, Unit unit) {
        public enum From {
            /** A header of its own. */
            HEADER,
            /** An item of the signature header ({@code PAIRS} style only). */
            SIGNATURE,
            /** A JSON pointer into the body, read once the signature is verified. */
            BODY,
            /** The scheme does not sign this value. */
            NONE
        }

        /** What a timestamp's number counts since the unix epoch. */
        public enum Unit {
            SECONDS,
            /** Milliseconds: a JSON number in the body only (a header or item is read as unix seconds). */
            MILLISECONDS;

            /** The JSON spelling, for example {@code milliseconds}. */
            public String code() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public Source {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(unit, "unit");
            if ((from == From.HEADER || from == From.BODY) && (name == null || name.isEmpty())) {
                throw new IllegalArgumentException("a " + from.name().toLowerCase(Locale.ROOT) + " source needs a "
                        + (from == From.HEADER ? "header name" : "JSON pointer"));
            }
            if (unit == Unit.MILLISECONDS && from != From.BODY) {
                throw new IllegalArgumentException("a timestamp in milliseconds is read from the body only");
            }
        }

        /** A value counted in seconds, where it is a timestamp. */
        public Source(From from, String name) {
            this(from, name, Unit.SECONDS);
        }

        public static Source header(String name) {
            return new Source(From.HEADER, name);
        }

        public static Source signature() {
            return new Source(From.SIGNATURE, null);
        }

        public static Source body(String jsonPointer) {
            return new Source(From.BODY, jsonPointer);
        }

        /** A timestamp in the body counted in {@code unit}. */
        public static Source body(String jsonPointer, Unit unit) {
            return new Source(From.BODY, jsonPointer, unit);
        }

        public static Source none() {
            return new Source(From.NONE, null);
        }
    }

    public SchemeSpec {
        requireText(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        requireText(signedContent, "signedContent");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tolerance, "tolerance");
        legacySignatures = List.copyOf(legacySignatures);
        List<String> problems = new ArrayList<>();
        List<String> placeholders = Template.placeholders(signedContent);
        if (!placeholders.contains("body")) {
            problems.add("signedContent must contain {body}");
        }
        placeholders.stream().filter(p -> !List.of("id", "timestamp", "body", "url").contains(p))
                .forEach(p -> problems.add("signedContent has an unknown placeholder {" + p + "}"));
        if (placeholders.contains("timestamp") && timestamp.from() == Source.From.NONE) {
            problems.add("signedContent uses {timestamp} but timestamp.from is none");
        }
        if (placeholders.contains("id") && id.from() == Source.From.NONE) {
            problems.add("signedContent uses {id} but id.from is none");
        }
        if (id.from() == Source.From.SIGNATURE) {
            problems.add("id.from cannot be signature");
        }
        if (id.unit() != Source.Unit.SECONDS) {
            problems.add("id.unit is for timestamps only");
        }
        if (timestamp.from() == Source.From.SIGNATURE
                && (signature.style() != Style.PAIRS || signature.timestampKey() == null)) {
            problems.add("timestamp.from signature needs signature.style pairs with a timestampKey");
        }
        if (multipleSignatures && signature.style() == Style.PREFIXED) {
            problems.add("style prefixed carries one signature: multipleSignatures must be false");
        }
        if (algorithm == Algorithm.ED25519 && signature.encoding() != Encoding.BASE64) {
            problems.add("ed25519 signatures are written in base64");
        }
        if (timestamp.from() == Source.From.NONE && tolerance.direction() != Tolerance.Direction.NONE) {
            problems.add("a scheme without a timestamp needs tolerance direction none");
        }
        Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        headers.add(signature.header());
        for (LegacySignature legacy : legacySignatures) {
            if (!headers.add(legacy.signature().header())) {
                problems.add("legacy signature header " + legacy.signature().header() + " is already used");
            }
            if (legacy.algorithm() == Algorithm.ED25519 && legacy.signature().encoding() != Encoding.BASE64) {
                problems.add("ed25519 signatures are written in base64");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scheme '" + name + "': " + String.join("; ", problems));
        }
    }

    /** Reads the JSON form. Errors name the offending field. */
    public static SchemeSpec fromJson(String json) {
        return SchemeSpecJson.read(json);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
