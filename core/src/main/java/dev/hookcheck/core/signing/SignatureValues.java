package dev.hookcheck.core.signing;

import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.Verification.Rejected;
import java.util.ArrayList;
import java.util.List;

/** Parses and writes the three signature header syntaxes of {@link SchemeSpec.Style}. */
final class SignatureValues {
    private SignatureValues() {}

    /**
     * @param signatures the signatures of the scheme's version, in header order
     * @param timestamp the {@code PAIRS} timestamp item, if any
     * @param rejection set when the header cannot be used
     */
    record Parsed(List<String> signatures, String timestamp, Rejected rejection) {
        static Parsed refuse(Reason reason, String detail) {
            return new Parsed(List.of(), null, new Rejected(reason, detail));
        }
    }

    static String format(SignatureFormat format, String timestamp, String[] signatures) {
        return switch (format.style()) {
            case PREFIXED -> format.version() + signatures[0];
            case PAIRS -> {
                StringBuilder value = new StringBuilder();
                if (timestamp != null) {
                    value.append(format.timestampKey()).append('=').append(timestamp);
                }
                for (String signature : signatures) {
                    value.append(value.isEmpty() ? "" : format.separator()).append(format.version()).append('=').append(signature);
                }
                yield value.toString();
            }
            case LIST -> {
                StringBuilder value = new StringBuilder();
                for (String signature : signatures) {
                    value.append(value.isEmpty() ? "" : " ").append(format.version()).append(',').append(signature);
                }
                yield value.toString();
            }
        };
    }

    static Parsed parse(SignatureFormat format, String value) {
        String header = format.header();
        if (value.isBlank()) {
            return Parsed.refuse(Reason.MALFORMED_HEADER, header + " is empty");
        }
        return switch (format.style()) {
            case PREFIXED -> prefixed(format, value.strip());
            case PAIRS -> pairs(format, value);
            case LIST -> {
                List<String[]> entries = listEntries(value);
                yield entries == null
                        ? Parsed.refuse(Reason.MALFORMED_HEADER, header + " entry is not <version>,<signature>")
                        : ofVersion(format, entries, null);
            }
        };
    }

    /** The {@code <version>,<signature>} entries of a space-separated list, or null if one has no comma. */
    static List<String[]> listEntries(String value) {
        List<String[]> entries = new ArrayList<>();
        for (String token : value.strip().split(" +")) {
            int comma = token.indexOf(',');
            if (comma < 0) {
                return null;
            }
            entries.add(new String[] {token.substring(0, comma), token.substring(comma + 1)});
        }
        return entries;
    }

    private static Parsed prefixed(SignatureFormat format, String value) {
        String prefix = format.version();
        if (value.startsWith(prefix)) {
            return new Parsed(List.of(value.substring(prefix.length())), null, null);
        }
        char separator = prefix.isEmpty() ? '=' : prefix.charAt(prefix.length() - 1);
        return value.indexOf(separator) >= 0
                ? Parsed.refuse(Reason.UNSUPPORTED_VERSION, format.header() + " does not start with " + prefix)
                : Parsed.refuse(Reason.MALFORMED_HEADER, format.header() + " is not " + prefix + "<signature>");
    }

    private static Parsed pairs(SignatureFormat format, String value) {
        List<String[]> items = new ArrayList<>();
        String timestamp = null;
        for (String raw : value.split(java.util.regex.Pattern.quote(format.separator()), -1)) {
            String item = raw.strip();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return Parsed.refuse(Reason.MALFORMED_HEADER, format.header() + " item is not key=value");
            }
            String key = item.substring(0, eq);
            if (key.equals(format.timestampKey())) {
                if (timestamp == null) {
                    timestamp = item.substring(eq + 1);
                }
            } else {
                items.add(new String[] {key, item.substring(eq + 1)});
            }
        }
        return ofVersion(format, items, timestamp);
    }

    private static Parsed ofVersion(SignatureFormat format, List<String[]> entries, String timestamp) {
        List<String> signatures = new ArrayList<>();
        for (String[] entry : entries) {
            if (entry[0].equals(format.version())) {
                signatures.add(entry[1]);
            }
        }
        if (signatures.isEmpty()) {
            return Parsed.refuse(Reason.UNSUPPORTED_VERSION,
                    format.header() + " has no " + format.version() + " signature");
        }
        return new Parsed(signatures, timestamp, null);
    }
}
