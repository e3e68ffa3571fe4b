package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.CheckResult.Outcome;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.ProgressListener;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.check.Check;
import dev.hookcheck.conformance.check.Checks;
import java.util.List;

/** Runs one check at a time against one receiver and turns what happened into a {@link CheckResult}. */
public final class Runner {
    private final Receiver receiver;
    private final Http http;
    private final Wire wire;
    private final Redactor redactor;

    public Runner(Receiver receiver) {
        this.receiver = receiver;
        this.http = new Http(receiver);
        this.wire = Wire.of(receiver.profile().scheme()).orElse(null);
        this.redactor = new Redactor(receiver.secrets());
    }

    /** The checks the options select, in catalog order, whose level the options include. */
    public List<Check> selection(Options options) {
        return Checks.select(options.checkIds()).stream()
                .filter(check -> included(check.level(receiver), options.minimumLevel()))
                .toList();
    }

    private static boolean included(Level level, Level.Kind minimum) {
        return level.kind() == Level.Kind.REQUIRED || minimum == Level.Kind.RECOMMENDED;
    }

    /** Runs one check, telling the listener when it starts and what it found. */
    public CheckResult run(Check check, ProgressListener listener) {
        listener.checkStarted(check.id(), check.title());
        CheckResult result = run(check);
        listener.checkFinished(result);
        return result;
    }

    public CheckResult run(Check check) {
        Level level = check.level(receiver);
        if (!level.isApplicable()) {
            return result(check, level, Outcome.SKIPPED, "not applicable: " + level.reason(), 0, null);
        }
        if (check.needsProbe() && receiver.probe().isEmpty()) {
            return result(check, level, Outcome.SKIPPED, "skipped: no probe", 0, null);
        }
        Session session = new Session(receiver, http, wire, check.id());
        long start = System.nanoTime();
        try {
            check.run(session);
            return result(check, level, Outcome.PASSED, "passed", millisSince(start), session.lastEvidence());
        } catch (CheckFailure failure) {
            CheckResult.Evidence evidence = failure.exchange() != null ? failure.exchange().evidence()
                    : session.lastEvidence();
            return result(check, level, Outcome.FAILED, "expected " + failure.expected() + ", got " + failure.got()
                    + ". Hint: " + check.hint(), millisSince(start), evidence);
        } catch (CheckSkipped skipped) {
            return result(check, level, Outcome.SKIPPED, "skipped: " + skipped.getMessage(), millisSince(start),
                    session.lastEvidence());
        } catch (Exception unexpected) {
            return result(check, level, Outcome.FAILED, "expected the check to run to its verdict, got " + unexpected
                    + ". Hint: if the receiver answered normally this is a Hookcheck bug; please report it",
                    millisSince(start), session.lastEvidence());
        }
    }

    private CheckResult result(Check check, Level level, Outcome outcome, String detail, long durationMs,
            CheckResult.Evidence evidence) {
        String message = redactor.redact("[" + check.id() + "] " + check.title() + ": " + detail);
        return new CheckResult(check.id(), check.title(), check.category(), level, outcome, message, check.hint(),
                durationMs, evidence);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
