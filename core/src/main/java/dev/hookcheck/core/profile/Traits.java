package dev.hookcheck.core.profile;

import java.util.ArrayList;
import java.util.List;
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
 * @param handshake the endpoint verification handshake the provider performs, if it has one
 * @param controlMessages the messages the provider sends about the subscription itself rather than
 *     about an event (Twitch's {@code revocation}), each a request and the answer it needs, in the shape
 *     of a {@link Handshake}; a receiver that expects every message to carry an event fails on them
 * @param unsignedBody what the provider's signature covers instead of the body, where it does not cover the
 *     body (for example "the timestamp and token of the body's signature object"): a receiver cannot tell a
 *     body changed in transit, so the checks that change, re-encode or re-serialize the body after signing
 *     are not applicable, and the mock does not offer to tamper with it
 */
public record Traits(boolean sendsCharset, Optional<String> reserializedBodyTolerated, boolean userActionSigning,
        Optional<Handshake> handshake, List<Handshake> controlMessages, Optional<String> unsignedBody) {
    /** A provider without any of these traits. */
    public static final Traits NONE = new Traits(false, Optional.empty(), false, Optional.empty(), List.of(),
            Optional.empty());

    public Traits {
        Objects.requireNonNull(reserializedBodyTolerated, "reserializedBodyTolerated");
        Objects.requireNonNull(handshake, "handshake");
        controlMessages = List.copyOf(controlMessages);
        Objects.requireNonNull(unsignedBody, "unsignedBody");
    }

    /** Whether the signature covers the body's bytes (every provider's but those with {@link #unsignedBody}). */
    public boolean signsBody() {
        return unsignedBody.isEmpty();
    }

    public Traits withSendsCharset() {
        return new Traits(true, reserializedBodyTolerated, userActionSigning, handshake, controlMessages, unsignedBody);
    }

    public Traits withReserializedBodyTolerated(String why) {
        return new Traits(sendsCharset, Optional.of(why), userActionSigning, handshake, controlMessages, unsignedBody);
    }

    public Traits withUserActionSigning() {
        return new Traits(sendsCharset, reserializedBodyTolerated, true, handshake, controlMessages, unsignedBody);
    }

    public Traits withHandshake(Handshake value) {
        return new Traits(sendsCharset, reserializedBodyTolerated, userActionSigning, Optional.of(value), controlMessages,
                unsignedBody);
    }

    /** These traits and one more control message. */
    public Traits withControlMessage(Handshake value) {
        List<Handshake> all = new ArrayList<>(controlMessages);
        all.add(value);
        return new Traits(sendsCharset, reserializedBodyTolerated, userActionSigning, handshake, all, unsignedBody);
    }

    /** The signature covers {@code what} and not the body. */
    public Traits withUnsignedBody(String what) {
        return new Traits(sendsCharset, reserializedBodyTolerated, userActionSigning, handshake, controlMessages,
                Optional.of(what));
    }
}
