package dev.hookcheck.conformance.internal;

/** A check cannot say anything about this receiver (for example: it needs a probe). */
public final class CheckSkipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckSkipped(String reason) {
        super(reason, null, false, false);
    }
}
