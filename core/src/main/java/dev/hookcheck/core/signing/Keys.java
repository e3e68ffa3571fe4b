package dev.hookcheck.core.signing;

import dev.hookcheck.core.Secret;
import java.util.Base64;

/** Turns a secret's text into key bytes. Error messages never contain the secret. */
final class Keys {
    private Keys() {}

    static byte[] derive(Secret secret, SchemeSpec.KeyFormat format) {
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
