package dev.hookcheck.conformance.internal;

/** The probe could not say how often an event was processed: neither the receiver's fault nor a verdict. */
public final class ProbeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProbeFailure(String message) {
        super(message, null, false, false);
    }
}
