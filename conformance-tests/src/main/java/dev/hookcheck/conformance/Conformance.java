package dev.hookcheck.conformance;

import dev.hookcheck.conformance.internal.check.Check;
import dev.hookcheck.conformance.internal.check.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the check catalog against a receiver over HTTP, one check after the other.
 *
 * <pre>{@code
 * List<CheckResult> results = Conformance.run(receiver, Options.defaults());
 * }</pre>
 */
public final class Conformance {
    private Conformance() {}

    /** The checks the options select, in catalog order, with what each found. */
    public static List<CheckResult> run(Receiver receiver, Options options) {
        Runner runner = new Runner(receiver, options);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : runner.selection()) {
            results.add(runner.run(check));
        }
        return List.copyOf(results);
    }

    public static List<CheckResult> run(Receiver receiver) {
        return run(receiver, Options.defaults());
    }

    /**
     * Reads the receiver's probe once, for an event id never sent, as a run does before its first check
     * that needs it: empty when the probe answers 0 (or there is none), else what is wrong with it, in a
     * sentence (unreachable, a failing query, output that is not a count, a count for an event never sent).
     */
    public static Optional<String> probeProblem(Receiver receiver) {
        return receiver.probe().isEmpty() ? Optional.empty() : Optional.ofNullable(Runner.firstReading(receiver));
    }
}
