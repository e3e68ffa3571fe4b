package dev.hookcheck.cli;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Probe;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.report.Diagnosis;
import dev.hookcheck.conformance.report.Report;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hookcheck check}: runs the conformance checks against a receiver over HTTP and writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Hookcheck.Version.class,
        description = {"Runs the conformance checks against a webhook receiver, one line per check, and writes"
                + " junit.xml, report.json and report.html.",
                "Exit codes: 0 every required check passed, 1 a required check failed (or the receiver stopped"
                        + " answering), 2 usage error (or the probe failed), 3 Hookcheck failed.", ""})
final class CheckCommand implements Callable<Integer> {
    /** The base profile of a {@code --scheme} run without {@code --profile}: a generic JSON body keyed by "id". */
    static final String SCHEME_BASE = "preo";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Hookcheck hookcheck;

    @Option(names = "--url", paramLabel = "URL", required = true,
            description = "Where the receiver takes deliveries, e.g. http://localhost:3000/webhooks.")
    String url;

    @Option(names = "--profile", paramLabel = "P", completionCandidates = ProfileOption.Names.class,
            description = "The provider the receiver serves: ${COMPLETION-CANDIDATES}. With --scheme: the base "
                    + "profile (body, events, idempotency key) whose scheme is replaced; default " + SCHEME_BASE + ".")
    String profile;

    @Option(names = "--scheme", paramLabel = "FILE",
            description = "A declarative signature scheme (JSON, hookcheck/json/scheme.schema.json) for a provider "
                    + "that signs differently from the built-in profiles.")
    Path scheme;

    @Option(names = "--secret", paramLabel = "S", defaultValue = "${env:HOOKCHECK_SECRET}",
            description = "The secret the receiver verifies with (env HOOKCHECK_SECRET). Repeat it for a receiver "
                    + "that accepts several during a rotation, newest first.")
    List<String> secrets;

    @Mixin
    ProbeOptions probes;

    @Option(names = "--require-probe", defaultValue = "${env:HOOKCHECK_REQUIRE_PROBE:-false}",
            description = "Fail the checks that observe side effects when no probe is given, instead of reporting "
                    + "them as not verified: for CI gates (env HOOKCHECK_REQUIRE_PROBE).")
    boolean requireProbe;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "${env:HOOKCHECK_SETTLE}",
            description = "How long a check waits for side effects to settle before it concludes \"never processed\" "
                    + "or \"processed once\", for receivers that process from a queue (env HOOKCHECK_SETTLE). "
                    + "Default: 5.")
    String settle;

    @Option(names = "--event-type", paramLabel = "TYPE", split = ",",
            description = "The event types the receiver processes (it may acknowledge others without doing "
                    + "anything): the checks that observe side effects send these. Default: the profile's first "
                    + "business event.")
    List<String> eventTypes;

    @Option(names = "--checks", paramLabel = "ID", split = ",",
            description = "Only these checks, e.g. SIG-001,RPL-001 (see 'hookcheck checks'). Default: all.")
    List<String> checkIds;

    @Option(names = "--skip", paramLabel = "ID", split = ",",
            description = "Leave these checks out, e.g. ROB-003 (of those --checks selects). Default: none.")
    List<String> skipIds;

    @Option(names = "--level", paramLabel = "required|recommended", defaultValue = "recommended",
            description = "required: only the checks the profile requires; recommended: those too, and the ones "
                    + "that do not apply listed as skipped. Default: ${DEFAULT-VALUE}.")
    String level;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "hookcheck-report",
            description = "Where junit.xml, report.json and report.html go. Default: ${DEFAULT-VALUE}/.")
    Path reportDir;

    @Option(names = "--timeout-seconds", paramLabel = "N",
            description = "How long a check waits for each answer. Default: the provider's delivery timeout; an "
                    + "answer slower than that fails ROB-003 whatever N is.")
    Integer timeoutSeconds;

    @Override
    public Integer call() {
        Profile chosen = profile();
        Receiver receiver = receiver(chosen);
        Options options = options();
        Reachability.require(receiver.url());
        ProbeOptions.requireWorking(receiver);

        PrintWriter out = spec.commandLine().getOut();
        Terminal terminal = new Terminal(hookcheck.colour);
        out.println(terminal.bold("hookcheck " + Hookcheck.Version.version()) + ": checking " + receiver.url() + " as a "
                + chosen.name() + " receiver" + (scheme != null ? " (scheme " + chosen.scheme().name() + ")" : ""));
        out.println();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        LiveProgress progress = new LiveProgress(out, terminal);
        List<CheckResult> results = SuiteLauncher.run(receiver, options, progress);
        Report report = new Report(chosen.name(), receiver.url().toString(), startedAt,
                (System.nanoTime() - start) / 1_000_000, results, progress.stopped())
                .withInvocation(RunCommand.of(spec.name(), arguments()));
        try {
            report.writeTo(reportDir);
        } catch (IOException e) {
            throw new UsageError("cannot write the reports to " + reportDir + ": " + e.getMessage());
        }
        summarize(out, terminal, report);
        return exitCode(report);
    }

    /** The arguments after {@code check}, as given. */
    private List<String> arguments() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int command = all.indexOf(spec.name());
        return command < 0 ? all : all.subList(command + 1, all.size());
    }

    /** 3 when Hookcheck failed, 2 when the probe did, else 1 when a required check failed (or the run stopped early). */
    private int exitCode(Report report) {
        PrintWriter err = spec.commandLine().getErr();
        List<CheckResult> broken = report.checks().stream()
                .filter(c -> c.cause() == CheckResult.Cause.HOOKCHECK_ERROR).toList();
        if (!broken.isEmpty()) {
            err.println("hookcheck: Hookcheck itself failed in " + ids(broken) + " (a bug, not the receiver's fault;"
                    + " please report it with report.json)");
            return Hookcheck.BROKEN;
        }
        List<CheckResult> probe = report.checks().stream()
                .filter(c -> c.cause() == CheckResult.Cause.PROBE_ERROR).toList();
        if (!probe.isEmpty()) {
            err.println("hookcheck: the probe failed during the run (" + ids(probe) + "); the verdicts that need it"
                    + " are missing: fix the probe and run again");
            return Hookcheck.USAGE;
        }
        return report.requiredFailures().isEmpty() && report.stopped().isEmpty() ? 0 : Hookcheck.FAILED;
    }

    private static String ids(List<CheckResult> results) {
        return results.stream().map(CheckResult::id).collect(Collectors.joining(", "));
    }

    private Profile profile() {
        if (scheme == null) {
            if (profile == null) {
                throw new UsageError("name the receiver's provider with --profile P (one of "
                        + String.join(", ", Profiles.names()) + "), or describe its scheme with --scheme FILE");
            }
            return ProfileOption.parse(profile);
        }
        Profile base = ProfileOption.parse(profile != null ? profile : SCHEME_BASE);
        String json;
        try {
            json = Files.readString(scheme);
        } catch (IOException e) {
            throw new UsageError("cannot read the scheme file " + scheme + ": " + (Files.exists(scheme)
                    ? e.getMessage() : "no such file"));
        }
        SignatureScheme declared;
        try {
            declared = SignatureSchemes.fromJson(json);
        } catch (RuntimeException e) {
            throw new UsageError("the scheme file " + scheme + " is not a valid scheme: " + e.getMessage());
        }
        return base.withScheme(declared);
    }

    private Receiver receiver(Profile chosen) {
        if (secrets == null || secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new UsageError("pass the secret the receiver verifies with: --secret S (or set HOOKCHECK_SECRET)");
        }
        SecretOption.requireWellFormed(chosen, scheme == null ? chosen.displayName()
                : "'" + chosen.scheme().name() + "' scheme", secrets);
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageError("--url is not a URL: " + e.getMessage());
        }
        try {
            Receiver receiver = Receiver.of(target, chosen, secrets.stream().map(Secret::of).toArray(Secret[]::new));
            Optional<Probe> probe = probes.probe();
            if (probe.isPresent()) {
                receiver = receiver.withProbe(probe.get());
            }
            if (eventTypes != null) {
                receiver = receiver.withEventTypes(eventTypes.stream().map(String::strip).filter(t -> !t.isEmpty())
                        .toArray(String[]::new));
            }
            if (timeoutSeconds != null) {
                Duration timeout = Duration.ofSeconds(timeoutSeconds);
                receiver = receiver.withTimeout(timeout);
                if (timeout.compareTo(chosen.timeout()) < 0) {
                    receiver = receiver.withLatencyBound(timeout);
                }
            }
            return receiver;
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage().replace("timeout must", "--timeout-seconds must")
                    .replace("url must", "--url must"));
        }
    }

    private Options options() {
        Level.Kind minimum = switch (level.toLowerCase(Locale.ROOT)) {
            case "required" -> Level.Kind.REQUIRED;
            case "recommended" -> Level.Kind.RECOMMENDED;
            default -> throw new UsageError("--level is required or recommended, got '" + level + "'");
        };
        List<String> ids = idList(checkIds, "--checks");
        List<String> skipped = idList(skipIds, "--skip");
        if (Checks.select(ids).stream().allMatch(check -> skipped.stream().anyMatch(check.id()::equalsIgnoreCase))) {
            throw new UsageError("--skip leaves no check to run; skip fewer, or name others with --checks");
        }
        return Options.defaults().checks(ids.toArray(String[]::new)).skip(skipped.toArray(String[]::new))
                .minimumLevel(minimum).settle(settleWindow()).requireProbe(requireProbe);
    }

    /** The ids an option names, each a known check. */
    private static List<String> idList(List<String> given, String option) {
        List<String> ids = given == null ? List.of() : given.stream().map(String::strip).filter(id -> !id.isEmpty())
                .toList();
        try {
            Checks.select(ids);
        } catch (IllegalArgumentException unknown) {
            throw new UsageError(option + ": " + unknown.getMessage() + " (see 'hookcheck checks')");
        }
        return ids;
    }

    private Duration settleWindow() {
        if (settle == null) {
            return Options.DEFAULT_SETTLE;
        }
        try {
            double seconds = Double.parseDouble(settle);
            if (seconds > 0 && seconds <= 600) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException notANumber) {
            // the message below says what is expected
        }
        throw new UsageError("--settle takes seconds between 0 and 600, such as 5 or 0.5; got '" + settle + "'");
    }

    /**
     * The failures by root cause: each diagnosis once with its fix and the checks it explains, then the
     * other failures with their own fix, then how to run one alone.
     */
    private static void fixFirst(PrintWriter out, Terminal terminal, Report report) {
        List<Diagnosis> diagnoses = report.diagnoses();
        List<CheckResult> others = report.otherFailures();
        if (diagnoses.isEmpty() && others.isEmpty()) {
            return;
        }
        out.println();
        out.println(terminal.bold("What to fix first:"));
        int number = 1;
        for (Diagnosis diagnosis : diagnoses) {
            out.printf("  %d. %s%s%n", number++, terminal.red(capitalized(diagnosis.title())),
                    diagnosis.required() ? "" : " [recommended]");
            out.println("     " + String.join(", ", diagnosis.ids()) + " (" + diagnosis.checks().size()
                    + (diagnosis.checks().size() == 1 ? " check)" : " checks)"));
            out.println("     Fix: " + diagnosis.fix() + ".");
        }
        for (CheckResult failure : others) {
            out.printf("  %d. %s %s%s%n", number++, terminal.red(failure.id()), failure.title(),
                    failure.level().kind() == Level.Kind.REQUIRED ? "" : " [recommended]");
            out.println("     " + (failure.cause() == CheckResult.Cause.CHECKED ? "Fix: " + failure.hint()
                    : failure.finding()));
        }
        CheckResult first = diagnoses.isEmpty() ? others.get(0) : diagnoses.get(0).checks().get(0);
        report.command(first).ifPresent(command -> out.println("Run one alone: " + command + "   (report.html: a"
                + " curl of each failing request)"));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void summarize(PrintWriter out, Terminal terminal, Report report) {
        Report.Summary summary = report.summary();
        out.println();
        out.printf("%d check%s in %.1f s: %d passed, %d failed, %d skipped%s%n", report.checks().size(),
                report.checks().size() == 1 ? "" : "s",
                report.durationMs() / 1000.0, summary.passed(), summary.failed(), summary.skipped(),
                summary.notVerified() > 0 ? " (" + summary.notVerified() + " not verified)" : "");
        fixFirst(out, terminal, report);
        out.println("Reports: " + reportDir.resolve(Report.HTML_FILE) + ", " + Report.JSON_FILE + ", "
                + Report.JUNIT_FILE);
        List<CheckResult> notVerified = report.notVerified();
        String unverified = notVerified.isEmpty() ? "" : "; " + notVerified.size() + " check"
                + (notVerified.size() == 1 ? " was" : "s were") + " not verified (no probe): " + ids(notVerified)
                + ". To verify them, " + Report.HOW_TO_VERIFY;
        List<CheckResult> failures = report.requiredFailures();
        if (report.stopped().isPresent()) {
            out.println(terminal.red("FAILED") + ": the run stopped early: " + report.stopped().get() + "; "
                    + report.checks().stream().filter(c -> c.cause() == CheckResult.Cause.NOT_RUN).count()
                    + " checks were not run. Is the receiver listening at " + report.target() + " and answering?");
        } else if (failures.isEmpty()) {
            out.println(terminal.green("PASSED") + ": every required check passed" + unverified + ".");
        } else {
            out.println(terminal.red("FAILED") + ": " + failures.size() + " required check"
                    + (failures.size() == 1 ? "" : "s") + " failed: " + ids(failures) + unverified + ".");
        }
        out.flush();
    }
}
