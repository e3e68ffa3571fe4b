package dev.hookcheck.conformance;

import java.util.Locale;

/** What a check is about. */
public enum Category {
    /** The receiver verifies signatures over the raw body and refuses everything else. */
    SIGNATURE,
    /** The receiver refuses old, future and malformed timestamps and replays. */
    REPLAY,
    /** The receiver processes each event once, however often and however concurrently it arrives. */
    IDEMPOTENCY,
    /** The receiver survives unexpected input without a 5xx and answers in time. */
    ROBUSTNESS,
    /** The receiver answers the way the provider counts as delivered. */
    DELIVERY_CONTRACT,
    /** The receiver passes the provider's endpoint verification handshake and refuses a forged one. */
    HANDSHAKE;

    /** The report spelling, for example {@code delivery-contract}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
