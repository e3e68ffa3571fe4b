package dev.hookcheck.conformance.internal;

/** A check saw something other than what it expects. Thrown inside a check, caught by the runner. */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final String got;
    private final transient Exchange exchange;

    CheckFailure(String expected, String got, Exchange exchange) {
        super("expected " + expected + ", got " + got, null, false, false);
        this.expected = expected;
        this.got = got;
        this.exchange = exchange;
    }

    public String expected() {
        return expected;
    }

    public String got() {
        return got;
    }

    /** The exchange that failed the check, or null. */
    public Exchange exchange() {
        return exchange;
    }
}
