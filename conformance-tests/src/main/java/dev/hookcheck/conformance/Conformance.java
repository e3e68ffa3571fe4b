package dev.hookcheck.conformance;

import dev.hookcheck.conformance.check.Check;
import dev.hookcheck.conformance.check.Checks;
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
        List<Check> selected = Checks.select(options.checkIds());
        Runner runner = new Runner(receiver);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : selected) {
            if (included(check.level(receiver), options.minimumLevel())) {
                options.listener().checkStarted(check.id(), check.title());
                CheckResult result = runner.run(check);
                options.listener().checkFinished(result);
                results.add(result);
            }
        }
        return List.copyOf(results);
    }

    public static List<CheckResult> run(Receiver receiver) {
        return run(receiver, Options.defaults());
    }

    private static boolean included(Level level, Level.Kind minimum) {
        return level.kind() == Level.Kind.REQUIRED || minimum == Level.Kind.RECOMMENDED;
    }
}
