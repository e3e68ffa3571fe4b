package dev.hookcheck.mock.internal.store;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.credential.CredentialKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key credential of an organization: the public key that signs its user actions (Dfns's
 * user-action signing; the SDK's {@code AsymmetricKeySigner}).
 *
 * @param id the credential id a signer names ({@code credId})
 * @param name for people; may be null
 * @param privateKey the private key when the sandbox made the pair (to hand it out); empty when only
 *     its owner has it
 */
public record Credential(String id, String profile, String organizationId, String name, CredentialKey publicKey,
        Optional<Secret> privateKey, Instant createdAt) {

    /** The profiles whose APIs want a signed user action on every change. */
    public static final List<String> SIGNING_PROFILES = Profiles.all().stream()
            .filter(p -> p.traits().userActionSigning()).map(Profile::name).toList();

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
