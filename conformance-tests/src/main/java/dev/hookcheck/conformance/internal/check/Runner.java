package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.CheckResult.Cause;
import dev.hookcheck.conformance.CheckResult.Outcome;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.ProgressListener;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.CheckFailure;
import dev.hookcheck.conformance.internal.CheckSkipped;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Http;
import dev.hookcheck.conformance.internal.ProbeFailure;
import dev.hookcheck.conformance.internal.Redactor;
import dev.hookcheck.conformance.internal.Seconds;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.Wire;
import java.util.List;
import java.util.UUID;

/**
 * Runs one check at a time against one receiver and turns what happened into a {@link CheckResult}.
 * It also watches the run as a whole: a receiver that answers none of the first checks (or, later,
 * none of three checks in a row) ends the run, and the checks left are reported as not run, so a
 * receiver that is down costs a few timeouts, not one per check.
 */
public final class Runner {
    /** Checks in a row without any answer that end a run once the receiver has answered before. */
    static final int SILENT_CHECKS_AFTER_AN_ANSWER = 3;
    /** The same before the receiver has answered anything. */
    static final int SILENT_CHECKS_AT_START = 2;

    private final Receiver receiver;
    private final Options options;
    private final Http http;
    private final Wire wire;
    private final Redactor redactor;
    private int silentChecks;
    private boolean answeredOnce;
    private String stopped;
    private String probeProblem;
    private boolean probeRead;

    public Runner(Receiver receiver, Options options) {
        this.receiver = receiver;
        this.options = options;
        this.http = new Http(receiver);
        this.wire = Wire.of(receiver.profile().scheme()).orElse(null);
        this.redactor = new Redactor(receiver.secrets());
    }

    /** The checks the options select and do not skip, in catalog order, whose level the options include. */
    public List<Check> selection() {
        Catalog.select(options.skipIds()); // an unknown id to skip is as wrong as an unknown id to run
        return Catalog.select(options.checkIds()).stream()
                .filter(check -> options.skipIds().stream().noneMatch(id -> id.equalsIgnoreCase(check.id())))
                .filter(check -> included(check.level(receiver), options.minimumLevel()))
                .toList();
    }

    private static boolean included(Level level, Level.Kind minimum) {
        return level.kind() == Level.Kind.REQUIRED || minimum == Level.Kind.RECOMMENDED;
    }

    /** Runs one check, telling the options' listener when it starts and what it found. */
    public CheckResult run(Check check) {
        ProgressListener listener = options.listener();
        listener.checkStarted(check.id(), check.title());
        CheckResult result = judge(check);
        listener.checkFinished(result);
        return result;
    }

    private CheckResult judge(Check check) {
        Level level = check.level(receiver);
        if (!level.isApplicable()) {
            return result(check, level, Outcome.SKIPPED, Cause.NOT_APPLICABLE, "not applicable: " + level.reason(), 0,
                    null);
        }
        if (stopped != null) {
            return result(check, level, Outcome.SKIPPED, Cause.NOT_RUN, "not run: " + stopped, 0, null);
        }
        if (check.needsProbe()) {
            if (receiver.probe().isEmpty()) {
                return options.requireProbe()
                        ? result(check, level, Outcome.FAILED, Cause.NO_PROBE, "expected a probe to verify the side"
                                + " effects (a probe is required), got none. Hint: " + NO_PROBE_HINT, 0, null)
                        : result(check, level, Outcome.SKIPPED, Cause.NO_PROBE, "not verified: no probe (" + NO_PROBE_HINT
                                + ")", 0, null);
            }
            String problem = probeProblem();
            if (problem != null) {
                return result(check, level, Outcome.FAILED, Cause.PROBE_ERROR, "the probe does not work: " + problem,
                        0, null);
            }
        }
        Session session = new Session(receiver, http, wire, options.settle());
        long start = System.nanoTime();
        try {
            check.run(session);
            Exchange unanswered = session.exchanges().stream().filter(e -> !e.answered()).findFirst().orElse(null);
            if (unanswered != null) {
                throw session.fail(unanswered, "an answer to every request", unanswered.describe());
            }
            return result(check, level, Outcome.PASSED, Cause.CHECKED, "passed", millisSince(start),
                    session.lastEvidence());
        } catch (CheckFailure failure) {
            CheckResult.Evidence evidence = failure.exchange() != null ? failure.exchange().evidence()
                    : session.lastEvidence();
            return result(check, level, Outcome.FAILED, Cause.CHECKED, "expected " + failure.expected() + ", got "
                    + failure.got() + ". Hint: " + check.hint(), millisSince(start), evidence);
        } catch (ProbeFailure probe) {
            return result(check, level, Outcome.FAILED, Cause.PROBE_ERROR, "the probe failed: " + probe.getMessage(),
                    millisSince(start), session.lastEvidence());
        } catch (CheckSkipped skipped) {
            return result(check, level, Outcome.SKIPPED, Cause.NO_PROBE, "not verified: " + skipped.getMessage(),
                    millisSince(start), session.lastEvidence());
        } catch (Exception | StackOverflowError unexpected) {
            return result(check, level, Outcome.FAILED, Cause.HOOKCHECK_ERROR, "Hookcheck failed while running the"
                    + " check (" + unexpected.getClass().getSimpleName() + "); this is a Hookcheck bug, not the"
                    + " receiver's: please report it", millisSince(start), session.lastEvidence());
        } finally {
            watch(session);
        }
    }

    static final String NO_PROBE_HINT = "pass --probe-url, --probe-sql or --probe-cmd, or Receiver.withProbe, so the"
            + " kit can count how often the receiver processed each event";

    /** Notes whether the receiver answered this check; stops the run after too many silent checks. */
    private void watch(Session session) {
        List<Exchange> sent = session.exchanges();
        if (sent.isEmpty()) {
            return;
        }
        if (sent.stream().anyMatch(Exchange::answered)) {
            answeredOnce = true;
            silentChecks = 0;
            return;
        }
        silentChecks++;
        if (silentChecks >= (answeredOnce ? SILENT_CHECKS_AFTER_AN_ANSWER : SILENT_CHECKS_AT_START)) {
            stopped = (answeredOnce ? "the receiver stopped answering: " : "") + "no answer from " + receiver.url()
                    + " within " + Seconds.of(receiver.timeout()) + " to " + silentChecks + " checks in a row";
            options.listener().runStopped(stopped);
        }
    }

    /**
     * The probe is read once, for an event id never sent, before the first check that needs it: it must
     * answer 0. A probe that fails there, or counts an event that never was, would make every verdict wrong.
     */
    private String probeProblem() {
        if (!probeRead) {
            probeRead = true;
            probeProblem = firstReading(receiver);
        }
        return probeProblem;
    }

    /** Null when the probe reads 0 for an id never sent; else what is wrong, in a sentence. */
    public static String firstReading(Receiver receiver) {
        String neverSent = "hookcheck-never-sent-" + UUID.randomUUID();
        try {
            int count = receiver.probe().orElseThrow().timesProcessed(neverSent);
            return count == 0 ? null : "it counted " + count + " for the event id " + neverSent + ", which was never"
                    + " sent; it must count how often the receiver processed that one event";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "it was interrupted";
        } catch (Exception e) {
            return e.getMessage() == null ? "it failed without saying why" : e.getMessage();
        }
    }

    private CheckResult result(Check check, Level level, Outcome outcome, Cause cause, String detail, long durationMs,
            CheckResult.Evidence evidence) {
        String message = redactor.redact("[" + check.id() + "] " + check.title() + ": " + detail);
        return new CheckResult(check.id(), check.title(), check.category(), level, outcome, cause, message,
                check.hint(), durationMs, evidence);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
