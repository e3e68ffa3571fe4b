package dev.hookcheck.mock.internal.store;

import java.time.Instant;
import java.util.List;

/**
 * A user-action signing session, begun: the challenge a caller of {@code organizationId} signs with
 * one of {@code credentialIds} to get a token for {@code target}. Answered once.
 *
 * @param id the session's handle ({@code challengeIdentifier})
 * @param challenge the text to sign, inside the signer's client data
 */
public record UserActionChallenge(String id, String organizationId, String challenge, List<String> credentialIds,
        UserActionTarget target, Instant expiresAt) {

    public UserActionChallenge {
        credentialIds = List.copyOf(credentialIds);
    }
}
