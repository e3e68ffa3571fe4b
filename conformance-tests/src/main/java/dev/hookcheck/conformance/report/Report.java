package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * One run of the checks against one receiver, and its three renderings. Every rendering leads with what
 * to fix first: the {@link #diagnoses() diagnoses} (root causes, each with the failures it explains),
 * then the other failures, then the checks not verified, skipped and passed.
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
 * @param invocation the command that started the run, where one did (the {@code hookcheck} command)
 */
public record Report(String profile, String target, Instant startedAt, long durationMs, List<CheckResult> checks,
        Optional<String> stopped, Optional<Invocation> invocation) {
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

    /** The version of Hookcheck that wrote the report. */
    public static final String VERSION = version();

    public Report {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        checks = List.copyOf(checks);
        Objects.requireNonNull(stopped, "stopped");
        Objects.requireNonNull(invocation, "invocation");
    }

    /** A run that went to its end. */
    public Report(String profile, String target, Instant startedAt, long durationMs, List<CheckResult> checks) {
        this(profile, target, startedAt, durationMs, checks, Optional.empty(), Optional.empty());
    }

    /** A run that may have stopped early. */
    public Report(String profile, String target, Instant startedAt, long durationMs, List<CheckResult> checks,
            Optional<String> stopped) {
        this(profile, target, startedAt, durationMs, checks, stopped, Optional.empty());
    }

    /** The same report, naming the command that started the run and giving each failed check its own. */
    public Report withInvocation(Invocation command) {
        return new Report(profile, target, startedAt, durationMs, checks, stopped, Optional.of(command));
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

    /**
     * The root causes behind the failures, most specific first, each with the failed checks it explains; a
     * failed check belongs to at most one. See {@link Diagnosis}.
     */
    public List<Diagnosis> diagnoses() {
        return Diagnoses.of(checks);
    }

    /** The diagnosis that explains this failed check, if one does. */
    public Optional<Diagnosis> diagnosis(CheckResult check) {
        return diagnoses().stream().filter(d -> d.ids().contains(check.id())).findFirst();
    }

    /** The failed checks no diagnosis explains, in the order they ran. */
    public List<CheckResult> otherFailures() {
        Set<String> diagnosed = diagnosed();
        return checks.stream().filter(c -> c.failed() && !diagnosed.contains(c.id())).toList();
    }

    /**
     * Every check in the order the reports show them: the failures (those under a diagnosis first, by
     * diagnosis), then the checks not verified, the other skipped ones, and the passed ones.
     */
    public List<CheckResult> ordered() {
        List<CheckResult> ordered = new ArrayList<>();
        diagnoses().forEach(d -> ordered.addAll(d.checks()));
        ordered.addAll(otherFailures());
        ordered.addAll(notVerified());
        checks.stream().filter(c -> c.skipped() && !c.notVerified()).forEach(ordered::add);
        checks.stream().filter(CheckResult::passed).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The command that runs this one check again, where the run came from one. */
    public Optional<String> command(CheckResult check) {
        return invocation.map(i -> i.oneCheck(check.id()));
    }

    /** A curl command that sends the exact request the check judged by, where the report holds it whole. */
    public Optional<String> curl(CheckResult check) {
        return check.evidence() == null ? Optional.empty() : Curl.of(check.evidence().request());
    }

    private Set<String> diagnosed() {
        Set<String> ids = new HashSet<>();
        diagnoses().forEach(d -> ids.addAll(d.ids()));
        return ids;
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

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("/hookcheck/conformance/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            // the version is informative; a report without it is still a report
        }
        return properties.getProperty("version", "unknown");
    }

    private int count(CheckResult.Outcome outcome) {
        return (int) checks.stream().filter(c -> c.outcome() == outcome).count();
    }
}
