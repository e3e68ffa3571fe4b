package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the checks against one receiver, and its three renderings.
 *
 * <pre>{@code
 * Report report = new Report("vitable", url, startedAt, durationMs, Conformance.run(receiver));
 * report.writeTo(Path.of("hookcheck-report"));   // junit.xml, report.json, report.html
 * }</pre>
 *
 * @param profile the profile the receiver was checked for
 * @param target the receiver's URL
 * @param startedAt when the run started (kept to the millisecond)
 * @param durationMs how long the whole run took
 * @param checks what each check found, in the order they ran
 * @param stopped why the run stopped early (the receiver did not answer), if it did
 */
public record Report(String profile, String target, Instant startedAt, long durationMs, List<CheckResult> checks,
        Optional<String> stopped) {
    public static final String JSON_FILE = "report.json";
    public static final String JUNIT_FILE = "junit.xml";
    public static final String HTML_FILE = "report.html";

    /**
     * How many checks passed, failed and were skipped; {@code notVerified} of the skipped ones observe side
     * effects and had no probe.
     */
    public record Summary(int passed, int failed, int skipped, int notVerified) {}

    /** How to verify the checks a run without a probe could not: for the top of every report. */
    public static final String HOW_TO_VERIFY = "give the run a probe (--probe-url, --probe-sql or --probe-cmd;"
            + " Receiver.withProbe in Java) so it can count how often the receiver processed each event;"
            + " --require-probe makes a run without one fail";

    public Report {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        checks = List.copyOf(checks);
        Objects.requireNonNull(stopped, "stopped");
    }

    /** A run that went to its end. */
    public Report(String profile, String target, Instant startedAt, long durationMs, List<CheckResult> checks) {
        this(profile, target, startedAt, durationMs, checks, Optional.empty());
    }

    public Summary summary() {
        return new Summary(count(CheckResult.Outcome.PASSED), count(CheckResult.Outcome.FAILED),
                count(CheckResult.Outcome.SKIPPED), notVerified().size());
    }

    /** The checks that observe side effects and were skipped for want of a probe. */
    public List<CheckResult> notVerified() {
        return checks.stream().filter(c -> c.skipped() && c.notVerified()).toList();
    }

    /** The required checks that failed; the run is a success when there are none. */
    public List<CheckResult> requiredFailures() {
        return checks.stream().filter(c -> c.failed() && c.level().kind() == Level.Kind.REQUIRED).toList();
    }

    public String toJson() {
        return JsonReport.render(this);
    }

    public String toJunitXml() {
        return JunitXmlReport.render(this);
    }

    public String toHtml() {
        return HtmlReport.render(this);
    }

    /** Writes {@value #JUNIT_FILE}, {@value #JSON_FILE} and {@value #HTML_FILE} into the folder, creating it. */
    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(JUNIT_FILE), toJunitXml(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(JSON_FILE), toJson(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(HTML_FILE), toHtml(), StandardCharsets.UTF_8);
    }

    private int count(CheckResult.Outcome outcome) {
        return (int) checks.stream().filter(c -> c.outcome() == outcome).count();
    }
}
