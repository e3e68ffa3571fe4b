package dev.hookcheck.core.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * What checks and the mock ask about a provider instead of its name.
 *
 * @param sendsCharset the provider's {@code Content-Type} carries {@code charset=utf-8} (Stripe): a
 *     receiver that refuses the parameter refuses every genuine delivery, so accepting it is required
 * @param reserializedBodyTolerated why verifying a re-serialized body is only a recommendation for this
 *     provider (its own sample does it and it sends compact JSON), if it is
 * @param userActionSigning the provider's API signs every write with a registered key credential
 *     (Dfns's user actions): the mock keeps key credentials for its organizations
 */
public record Traits(boolean sendsCharset, Optional<String> reserializedBodyTolerated, boolean userActionSigning) {
    /** A provider without any of these traits. */
    public static final Traits NONE = new Traits(false, Optional.empty(), false);

    public Traits {
        Objects.requireNonNull(reserializedBodyTolerated, "reserializedBodyTolerated");
    }

    public Traits withSendsCharset() {
        return new Traits(true, reserializedBodyTolerated, userActionSigning);
    }

    public Traits withReserializedBodyTolerated(String why) {
        return new Traits(sendsCharset, Optional.of(why), userActionSigning);
    }

    public Traits withUserActionSigning() {
        return new Traits(sendsCharset, reserializedBodyTolerated, true);
    }
}
