package dev.hookcheck.cli;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Hears the run twice: each check's dynamic test tells it (as the conformance {@link ProgressListener})
 * what the check found, then the JUnit Platform tells it (as a {@link TestExecutionListener}) how the
 * test ended. On the second it prints the check's line and keeps the result.
 */
final class LiveProgress implements TestExecutionListener, ProgressListener {
    private final PrintWriter out;
    private final Terminal terminal;
    private final Map<String, CheckResult> found = new ConcurrentHashMap<>();
    private final List<CheckResult> results = new ArrayList<>();
    private Throwable broken;
    private volatile String stopped;

    LiveProgress(PrintWriter out, Terminal terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void checkFinished(CheckResult result) {
        found.put(result.id(), result);
    }

    @Override
    public void runStopped(String reason) {
        stopped = reason;
        out.println("  " + terminal.red("STOP") + "  " + reason + "; the checks left are not run");
        out.flush();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult execution) {
        if (!test.isTest()) {
            if (execution.getStatus() == TestExecutionResult.Status.FAILED && broken == null) {
                broken = execution.getThrowable().orElse(null); // the factory itself failed: no check ran
            }
            return;
        }
        String id = test.getDisplayName().split(" ", 2)[0];
        CheckResult result = found.remove(id);
        if (result == null) {
            broken = execution.getThrowable().orElse(new IllegalStateException(id + " ended without a result"));
            return;
        }
        results.add(result);
        print(result);
    }

    private void print(CheckResult result) {
        String label = switch (result.outcome()) {
            case PASSED -> terminal.green("PASS");
            case FAILED -> terminal.red("FAIL");
            case SKIPPED -> terminal.yellow("SKIP");
        };
        String level = result.level().kind() == Level.Kind.RECOMMENDED ? " [recommended]" : "";
        out.printf("  %s  %s  %s%s (%d ms)%n", label, result.id(), result.title(), level, result.durationMs());
        if (!result.passed() && result.cause() != CheckResult.Cause.NOT_RUN) {
            // what was found; the fix follows once in the summary, under the failure's diagnosis
            out.println("        " + terminal.dim(result.finding()));
        }
        out.flush();
    }

    List<CheckResult> results() {
        return List.copyOf(results);
    }

    /** Why the run stopped early, if it did. */
    Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }

    /** Why the run could not complete, if it could not. */
    Optional<Throwable> broken() {
        return Optional.ofNullable(broken);
    }
}
