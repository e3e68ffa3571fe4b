package dev.hookcheck.mock.internal.store;

import java.time.Instant;

/**
 * A signed user action: the token a caller sends as {@code X-DFNS-USERACTION}, good for one use on
 * {@code target} before {@code expiresAt}. Kept after use (with {@code usedAt}) so that a second use
 * is told apart from a token never issued.
 */
public record UserActionToken(String token, String organizationId, String credentialId, UserActionTarget target,
        Instant expiresAt, Instant usedAt) {

    public UserActionToken used(Instant at) {
        return new UserActionToken(token, organizationId, credentialId, target, expiresAt, at);
    }

    @Override
    public String toString() {
        return "UserActionToken[redacted, " + target + ", organization " + organizationId + "]";
    }
}
