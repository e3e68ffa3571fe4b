package dev.hookcheck.conformance;

import dev.hookcheck.conformance.internal.check.Check;

/**
 * One check of the catalog as people and tools read it: its stable id, what it is about, what it
 * sends and expects, how to fix a receiver that fails it and why that matters. {@link Checks} lists
 * them; {@link Options#checks} and {@link Options#skip} select them by id.
 */
public final class CheckInfo {
    private final Check check;

    CheckInfo(Check check) {
        this.check = check;
    }

    /** Stable forever, for example {@code SIG-004}. */
    public String id() {
        return check.id();
    }

    /** What a conforming receiver does, as a sentence without a subject. */
    public String title() {
        return check.title();
    }

    public Category category() {
        return check.category();
    }

    /** What the check sends, for people. */
    public String sends() {
        return check.sends();
    }

    /** What it expects back, for people. */
    public String expects() {
        return check.expects();
    }

    /** How to fix a receiver that fails it. */
    public String hint() {
        return check.hint();
    }

    /** What goes wrong in production for a receiver that fails it. */
    public String why() {
        return check.why();
    }

    /** Whether it observes side effects, and so needs a {@link Probe} to be verified. */
    public boolean needsProbe() {
        return check.needsProbe();
    }

    /** How much it matters for this receiver's profile (and tolerance). */
    public Level level(Receiver receiver) {
        return check.level(receiver);
    }

    @Override
    public String toString() {
        return id() + " " + title();
    }
}
