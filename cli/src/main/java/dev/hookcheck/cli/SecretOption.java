package dev.hookcheck.cli;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import java.util.List;

/**
 * {@code --secret} against the profile's secret format, before anything is signed: a mistyped or
 * truncated secret is one line saying what the provider's secrets look like and where it shows them,
 * never a run of failures or a signing error. The line never quotes the secret.
 */
final class SecretOption {
    private SecretOption() {}

    /** @param provider whose secrets these are, for the message: {@code Stripe}, {@code the acme scheme's} */
    static void requireWellFormed(Profile profile, String provider, List<String> secrets) {
        for (int i = 0; i < secrets.size(); i++) {
            String which = secrets.size() == 1 ? "--secret" : ordinal(i + 1) + " --secret";
            profile.secretFormat().problem(Secret.of(secrets.get(i)), provider).ifPresent(problem -> {
                throw new UsageError(which + " (or HOOKCHECK_SECRET): " + problem);
            });
        }
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "the 1st";
            case 2 -> "the 2nd";
            case 3 -> "the 3rd";
            default -> "the " + n + "th";
        };
    }
}
