package dev.hookcheck.core.signing;

import dev.hookcheck.core.Secret;
import java.util.Base64;

/** Turns a secret's text into key bytes. Error messages never contain the secret. */
final class Keys {
    /**
     * The last key derived on this thread: a sender signs many deliveries with the same secret, and
     * decoding it each time costs as much as hashing a small body. Compared by identity, so a cache
     * hit reveals nothing about the secret's value.
     */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    private Keys() {}

    static byte[] derive(Secret secret, SchemeSpec.KeyFormat format) {
        Object[] last = LAST.get();
        if (last != null && last[0] == secret && last[1] == format) {
            return (byte[]) last[2];
        }
        byte[] key = decode(secret, format);
        LAST.set(new Object[] {secret, format, key});
        return key;
    }

    private static byte[] decode(Secret secret, SchemeSpec.KeyFormat format) {
        if (format.encoding() == SchemeSpec.KeyFormat.KeyEncoding.UTF8) {
            return secret.utf8();
        }
        String text = secret.reveal();
        for (String prefix : format.stripPrefixes()) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
                break;
            }
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret is not base64"
                    + (format.stripPrefixes().isEmpty() ? "" : " after its " + String.join("/", format.stripPrefixes()) + " prefix"));
        }
    }
}
