package dev.hookcheck.mock.internal.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of the provider's endpoint verification handshake with one endpoint, as the provider
 * would record it.
 *
 * @param handshake the provider's name for it ({@code url_verification})
 * @param verified whether the endpoint's answer proved it
 * @param checkedAt when the handshake was sent (the provider's clock)
 * @param detail what was wrong with the answer (or that none came), null when verified
 * @param status the status the endpoint answered with, null when no answer came
 */
public record EndpointVerification(String handshake, boolean verified, Instant checkedAt, String detail,
        Integer status) {
    public EndpointVerification {
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
