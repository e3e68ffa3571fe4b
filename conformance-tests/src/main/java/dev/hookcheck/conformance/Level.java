package dev.hookcheck.conformance;

import java.util.Locale;
import java.util.Objects;

/**
 * How much a check matters for a receiver's profile, and why where it is not simply required.
 *
 * @param kind required, recommended or not applicable
 * @param reason why the check is only recommended or does not apply; empty for required checks
 */
public record Level(Kind kind, String reason) {

    public enum Kind {
        /** A failure means the receiver is not safe or not correct for this provider. */
        REQUIRED,
        /** A failure is worth fixing but the provider (or its own library) tolerates it. */
        RECOMMENDED,
        /** The check cannot apply to this provider, for example replay checks where nothing is timestamped. */
        NOT_APPLICABLE;

        /** The report spelling, for example {@code not-applicable}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Level REQUIRED = new Level(Kind.REQUIRED, "");

    public Level {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (kind != Kind.REQUIRED && reason.isBlank()) {
            throw new IllegalArgumentException("a " + kind.code() + " level needs a reason");
        }
    }

    public static Level required() {
        return REQUIRED;
    }

    public static Level recommended(String reason) {
        return new Level(Kind.RECOMMENDED, reason);
    }

    public static Level notApplicable(String reason) {
        return new Level(Kind.NOT_APPLICABLE, reason);
    }

    public boolean isApplicable() {
        return kind != Kind.NOT_APPLICABLE;
    }

    /** The report spelling of the kind. */
    public String code() {
        return kind.code();
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? kind.code() : kind.code() + " (" + reason + ")";
    }
}
