package dev.hookcheck.conformance;

import dev.hookcheck.conformance.check.Check;
import dev.hookcheck.conformance.internal.Runner;
import java.util.ArrayList;
import java.util.List;

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
        Runner runner = new Runner(receiver);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : runner.selection(options)) {
            results.add(runner.run(check, options.listener()));
        }
        return List.copyOf(results);
    }

    public static List<CheckResult> run(Receiver receiver) {
        return run(receiver, Options.defaults());
    }
}
