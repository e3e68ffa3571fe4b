package dev.hookcheck.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A webhook secret or key as the provider hands it out (for example {@code whsec_…}, {@code whsk_…},
 * or a plain string). How the text becomes key bytes is the signature scheme's business.
 *
 * <p>{@link #toString()} never shows the value, so a secret can travel through logs, exception
 * messages and reports without leaking. Use {@link #reveal()} only where the value must leave the
 * process on purpose (for example when the mock server returns a freshly created secret).
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The secret text. Never log it. */
    public String reveal() {
        return value;
    }

    /** The secret text as UTF-8 bytes (a fresh copy). */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(utf8(), s.utf8());
    }

    @Override
    public int hashCode() {
        return 0; // no value-derived hash: a hash is a (weak) fingerprint of the secret
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
