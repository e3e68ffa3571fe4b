package dev.hookcheck.core.signing;

import dev.hookcheck.core.Secret;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a provider signs a webhook and how a receiver verifies it. Implementations work on the raw
 * body bytes (never a re-serialized body), compare in constant time, take "now" from the given
 * {@link Clock}, and never put a secret or an expected signature into a result or exception.
 *
 * <p>Get the built-ins from {@link SignatureSchemes}; describe any other scheme as data with
 * {@link SchemeSpec} and {@link SignatureSchemes#declarative(SchemeSpec)}.
 */
public interface SignatureScheme {

    /** Short name, for example {@code standard-webhooks} or {@code vitable}. */
    String name();

    /**
     * The header that carries the signature, in the provider's own letter case. A scheme whose signature
     * travels inside the body ({@link #signatureInBody()}) sends no such header: it names the body's
     * field here, for people.
     */
    String signatureHeader();

    /**
     * Where the signature travels when the provider writes it into the JSON body instead of a header:
     * a JSON pointer to it ({@code /signature/signature}); empty for schemes that send
     * {@link #signatureHeader()}. Such a scheme signs with {@link #signedBody}, and its {@link #sign}
     * returns only the headers it adds, if any.
     */
    default Optional<String> signatureInBody() {
        return Optional.empty();
    }

    /**
     * The bytes to send for this body: the body itself, except for a scheme whose signature travels inside
     * the body ({@link #signatureInBody()}), which returns it with the signature (and what it signs)
     * written in, replacing one already there. Sign the headers over what this returns.
     *
     * @param timestamp the timestamp as it is written, as {@link #signWithTimestampText} takes it
     */
    default byte[] signedBody(List<Secret> secrets, String id, String timestamp, byte[] body) {
        return body;
    }

    /**
     * The signature as a request carries it: the signature header's value, or the body's field where the
     * signature travels there; null where it has none.
     */
    default String signatureOf(Map<String, String> headers, byte[] body) {
        Optional<String> inBody = signatureInBody();
        return inBody.isPresent() ? BodyField.read(body, inBody.get())
                : dev.hookcheck.core.internal.Headers.get(headers, signatureHeader());
    }

    /** The tolerance the provider documents for receivers. */
    Tolerance defaultTolerance();

    /**
     * Whether one request can carry several signatures (key rotation). Where it cannot, signing with
     * several secrets uses only the first.
     */
    boolean supportsMultipleSignatures();

    /**
     * Signs a webhook and returns the headers the scheme defines (signature, and the id and timestamp
     * headers where the scheme signs them), in a stable order and the provider's letter case.
     *
     * @param secrets one or more secrets, newest first
     * @param id the message id, for schemes that sign one (ignored otherwise)
     * @param timestamp unix seconds, for schemes that sign one in a header (ignored by schemes that
     *     read it from the body)
     * @param body the exact bytes that will be sent
     */
    Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body);

    default Map<String, String> sign(Secret secret, String id, long timestamp, byte[] body) {
        return sign(List.of(secret), id, timestamp, body);
    }

    /**
     * What a receiver is configured with to verify what {@code secret} signs. For a shared-secret (HMAC)
     * scheme that is the secret itself, the default. For a key-pair scheme the secret is the signing
     * (private) key, which the provider and the kit's signers hold, and the receiver holds only its public
     * half: this gives that public key in the text the provider hands receivers (Standard Webhooks'
     * {@code whpk_…} for a {@code whsk_…} key). {@link #verify} accepts either.
     *
     * @throws IllegalArgumentException if the secret is no key the scheme can sign with
     */
    default Secret verificationKey(Secret secret) {
        return secret;
    }

    /**
     * Whether the signature covers the request URL (Twilio, Square). Such a scheme signs and verifies
     * only through the methods that take the URL; the others refuse ({@link IllegalStateException}
     * when signing, a rejection when verifying), since a signature without its URL cannot be right.
     */
    default boolean signsUrl() {
        return false;
    }

    /**
     * The URL to send this body to, given the receiver's URL: the same, except for schemes that add
     * something of their own to its query (Twilio's {@code bodySHA256} for a JSON body). Sign and
     * verify with what this returns.
     */
    default String deliveryUrl(String url, byte[] body) {
        return url;
    }

    /**
     * {@link #sign(List, String, long, byte[])} for a request sent to {@code url} (as
     * {@link #deliveryUrl} gave it); schemes that do not sign the URL ignore it.
     */
    default Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body, String url) {
        return sign(secrets, id, timestamp, body);
    }

    /** {@link #signWithTimestampText(List, String, String, byte[])} for a request sent to {@code url}. */
    default Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String timestamp, byte[] body,
            String url) {
        return signWithTimestampText(secrets, id, timestamp, body);
    }

    /**
     * Signs with the timestamp written exactly as given, even when it is not unix seconds in digits
     * (an ISO date, a decimal, milliseconds). Conformance checks use it to send a malformed timestamp
     * that still carries a valid signature, so that what is tested is the receiver's parsing, not its
     * signature check. Schemes that read the timestamp from the body ignore it, as {@link #sign} does.
     *
     * <p>The default signs digits through {@link #sign} and refuses anything else.
     */
    default Map<String, String> signWithTimestampText(List<Secret> secrets, String id, String timestamp,
            byte[] body) {
        try {
            return sign(secrets, id, Long.parseLong(timestamp), body);
        } catch (NumberFormatException notDigits) {
            throw new UnsupportedOperationException(name() + " cannot sign a timestamp that is not unix seconds");
        }
    }

    /**
     * The declarative description of this scheme, for schemes built from a {@link SchemeSpec} (the
     * Vitable, Dfns, Preo, Stripe and GitHub built-ins and every {@link SignatureSchemes#declarative}
     * scheme); empty for the others (Standard Webhooks).
     */
    default Optional<SchemeSpec> spec() {
        return Optional.empty();
    }

    /**
     * Verifies a received webhook.
     *
     * @param headers the request headers; names are matched ignoring letter case
     * @param body the raw body bytes as received
     * @param secrets the accepted secrets (any may match)
     * @param clock the receiver's clock
     * @param tolerance how far the signed timestamp may be from the clock
     */
    Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock,
            Tolerance tolerance);

    default Verification verify(Map<String, String> headers, byte[] body, List<Secret> secrets, Clock clock) {
        return verify(headers, body, secrets, clock, defaultTolerance());
    }

    /**
     * Verifies a webhook received at {@code url}: the full URL the request was sent to, query included,
     * as the sender addressed it. Schemes that do not sign the URL ignore it.
     */
    default Verification verify(String url, Map<String, String> headers, byte[] body, List<Secret> secrets,
            Clock clock, Tolerance tolerance) {
        return verify(headers, body, secrets, clock, tolerance);
    }
}
