package dev.hookcheck.core.profile;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.signing.SchemeSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a provider's signing secret looks like and where the provider shows it, so that a mistyped or
 * truncated secret is refused in one sentence before anything is signed with it.
 *
 * @param description the shape, for people: {@code whsec_ followed by base64}
 * @param pattern what the whole secret text matches
 * @param whereToFind where the provider shows the secret (dashboard page, API answer)
 */
public record SecretFormat(String description, Pattern pattern, String whereToFind) {
    /** Standard (not URL-safe) base64, padding optional, at least one byte: what {@code java.util.Base64} decodes. */
    static final String BASE64 = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)";
    /** No spaces or line breaks at either end, no control characters: how a secret pasted with its newline fails. */
    private static final Pattern TEXT = Pattern.compile("[^\\s\\p{Cntrl}](?:[^\\p{Cntrl}]*[^\\s\\p{Cntrl}])?");

    public SecretFormat {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(whereToFind, "whereToFind");
    }

    /** A secret whose text is the key as it is (its UTF-8 bytes key the HMAC). */
    public static SecretFormat text(String description, String whereToFind) {
        return new SecretFormat(description, TEXT, whereToFind);
    }

    /** What a declarative scheme's key format accepts: any text, or base64 after one of its prefixes. */
    public static SecretFormat of(SchemeSpec.KeyFormat key, String whereToFind) {
        if (key.encoding() == SchemeSpec.KeyFormat.KeyEncoding.UTF8) {
            return text("the secret text exactly as the provider shows it", whereToFind);
        }
        if (key.stripPrefixes().isEmpty()) {
            return new SecretFormat("base64", Pattern.compile(BASE64), whereToFind);
        }
        String prefixes = key.stripPrefixes().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return new SecretFormat(String.join(" or ", key.stripPrefixes()) + " (optional) followed by base64",
                Pattern.compile("(?:" + prefixes + ")?" + BASE64), whereToFind);
    }

    public boolean accepts(Secret secret) {
        return pattern.matcher(secret.reveal()).matches();
    }

    /**
     * Empty for a well-formed secret; else one sentence saying what the provider's secrets look like and
     * where it shows them. It never quotes the secret.
     */
    public Optional<String> problem(Secret secret, String providerName) {
        if (accepts(secret)) {
            return Optional.empty();
        }
        return Optional.of("this is not a " + providerName + " secret: expected " + description + "; "
                + whereToFind);
    }
}
