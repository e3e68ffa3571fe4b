package dev.hookcheck.core.signing;

import java.util.Locale;

/** Why a webhook was refused. The {@link #code()} is the one used by the published vector suite. */
public enum Reason {
    /** A header the scheme needs (signature, id) is absent. */
    MISSING_HEADER,
    /** The signature header is present but not in the scheme's syntax (empty, missing separators). */
    MALFORMED_HEADER,
    /** The signature header carries no signature of a version or prefix the scheme knows. */
    UNSUPPORTED_VERSION,
    /** No signature matches the content under any of the secrets. */
    BAD_SIGNATURE,
    /** The scheme signs a timestamp but none was sent. */
    MISSING_TIMESTAMP,
    /** The timestamp is not a whole number of seconds. */
    MALFORMED_TIMESTAMP,
    /** The timestamp is older than the tolerance allows. */
    STALE_TIMESTAMP,
    /** The timestamp is further in the future than the tolerance allows. */
    FUTURE_TIMESTAMP;

    /** Lower-case code, for example {@code stale_timestamp}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Reason ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
