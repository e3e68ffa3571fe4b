package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.core.profile.Profiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code hookcheck check} in-process against every reference receiver: it finds what the detection matrix
 * says. The runs are independent (a receiver and a report folder each), so they run in parallel.
 */
@Execution(ExecutionMode.CONCURRENT)
class CheckCommandTest {
    @TempDir
    Path reports;

    static Cli.Result check(ReferenceReceiver receiver, String profile, Path reportDir, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--url", receiver.url().toString(), "--profile", profile,
                "--secret", Secrets.of(profile).reveal(), "--probe-url", receiver.probeTemplate(),
                "--timeout-seconds", "5", "--settle", "2", "--report-dir", reportDir.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> aCorrectReceiverPassesEveryRequiredCheck() {
        return Profiles.names().stream().map(profile -> dynamicTest(profile, () -> {
            Path dir = reports.resolve("correct-" + profile);
            try (ReferenceReceiver receiver = ReferenceReceiver.correct(profile).start()) {
                Cli.Result result = check(receiver, profile, dir);

                assertThat(result.exitCode()).as("%s", result).isZero();
                JsonNode report = ReportSchema.validReport(dir);
                assertThat(report.get("profile").asString()).isEqualTo(profile);
                assertThat(ReportSchema.idsWithOutcome(report, "failed")).isEmpty();
                assertThat(report.get("checks").valueStream().filter(c -> c.get("level").asString().equals("required")))
                        .isNotEmpty().allMatch(c -> c.get("outcome").asString().equals("passed"));
                assertThat(result.out()).containsPattern("(?m)^  PASS  SIG-001  accepts a correctly signed delivery"
                        + " \\(\\d+ ms\\)$").contains("PASSED: every required check passed.");
            }
        }));
    }

    /**
     * Every flawed receiver but the slow one: its 300 ms of work is only too slow against the 150 ms
     * latency bound DetectionMatrixTest sets, and the CLI bounds latency by the provider's timeout.
     */
    @TestFactory
    Stream<DynamicTest> aFlawedReceiverFailsExactlyTheChecksTheDetectionMatrixNames() {
        return Stream.of(Flaw.values()).filter(flaw -> flaw != Flaw.ANSWERS_SLOWLY)
                .flatMap(flaw -> flaw.profiles().stream().map(profile -> dynamicTest(flaw + " (" + profile + ")", () -> {
                    DetectionMatrix.Row expected = DetectionMatrix.row(flaw.description(), profile);
                    Path dir = reports.resolve(flaw + "-" + profile);
                    try (ReferenceReceiver receiver = flaw.receiver(profile).start()) {
                        Cli.Result result = check(receiver, profile, dir);

                        assertThat(result.exitCode()).as("%s", result).isEqualTo(expected.requiredFailed() ? 1 : 0);
                        JsonNode report = ReportSchema.validReport(dir);
                        assertThat(new TreeSet<>(ReportSchema.idsWithOutcome(report, "failed"))).as("%s", result)
                                .isEqualTo(expected.failed());
                        assertThat(report.at("/summary/failed").asInt()).isEqualTo(expected.failed().size());
                        for (String id : expected.failed()) {
                            assertThat(result.out()).containsPattern("FAIL  " + id + "  ");
                        }
                    }
                })));
    }

    @Test
    void withoutAProbeTheVerdictNamesTheChecksThatWereNotVerified() throws Exception {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("stripe").start()) {
            Cli.Result result = Cli.run("check", "--url", receiver.url().toString(), "--profile", "stripe", "--secret",
                    Secrets.of("stripe").reveal(), "--checks", "SIG-001,IDM-001,IDM-003", "--report-dir",
                    reports.toString());

            assertThat(result.exitCode()).as("%s", result).isZero();
            JsonNode report = ReportSchema.validReport(reports);
            assertThat(ReportSchema.idsWithOutcome(report, "passed")).containsExactly("SIG-001");
            assertThat(ReportSchema.idsWithOutcome(report, "skipped")).containsExactly("IDM-001", "IDM-003");
            assertThat(report.get("notVerified").valueStream().map(JsonNode::asString)).containsExactly("IDM-001",
                    "IDM-003");
            assertThat(report.at("/summary/notVerified").asInt()).isEqualTo(2);
            assertThat(report.get("howToVerify").asString()).contains("--probe-url, --probe-sql or --probe-cmd");
            assertThat(result.out()).contains("  SKIP  IDM-001  ", "3 checks in", "(2 not verified)",
                    "PASSED: every required check passed; 2 checks were not verified (no probe): IDM-001, IDM-003. To"
                            + " verify them, give the run a probe (--probe-url, --probe-sql or --probe-cmd;");
            assertThat(Files.readString(reports.resolve("report.html"))).contains("2 checks were not verified</strong>"
                    + " (no probe): <a href=\"#IDM-001\">IDM-001</a>, <a href=\"#IDM-003\">IDM-003</a>");
            assertThat(Files.readString(reports.resolve("junit.xml"))).contains("name=\"notVerified\" value=\"IDM-001,"
                    + "IDM-003: give the run a probe");
        }
    }

    @Test
    void requireProbeFailsARunWithoutAProbe() throws Exception {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("stripe").start()) {
            Cli.Result result = Cli.run("check", "--url", receiver.url().toString(), "--profile", "stripe", "--secret",
                    Secrets.of("stripe").reveal(), "--checks", "SIG-001,IDM-001", "--require-probe", "--report-dir",
                    reports.toString());

            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            JsonNode report = ReportSchema.validReport(reports);
            assertThat(ReportSchema.idsWithOutcome(report, "failed")).containsExactly("IDM-001");
            assertThat(report.at("/checks/0/id").asString()).as("failures first").isEqualTo("IDM-001");
            assertThat(report.at("/checks/0/cause").asString()).isEqualTo("no-probe");
            assertThat(result.out()).contains("FAIL  IDM-001", "a probe is required", "FAILED: 1 required check failed:"
                    + " IDM-001.");
        }
    }

    @Test
    void aReceiverThatStopsAnsweringEndsTheRunWithOneDiagnosisAndExitOne() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // keeps every connection open, answers nothing
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(s -> { try { s.close(); } catch (java.io.IOException ignored) { } });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/webhooks";
            Cli.Result result = Cli.run("check", "--url", url, "--profile", "standard", "--secret",
                    Secrets.of("standard").reveal(), "--timeout-seconds", "1", "--report-dir", reports.toString());

            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.out()).contains("STOP  no answer from " + url + " within 1 s to 2 checks in a row",
                    "FAILED: the run stopped early: no answer from " + url + " within 1 s to 2 checks in a row;");
            JsonNode report = ReportSchema.validReport(reports);
            assertThat(report.get("stopped").asString()).startsWith("no answer from " + url);
            assertThat(report.get("checks").valueStream().filter(c -> c.get("cause").asString().equals("not-run")))
                    .hasSizeGreaterThan(25);
        }
    }

    @Test
    void skipLeavesTheNamedChecksOutOfThoseSelected() throws Exception {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("vitable").start()) {
            Cli.Result all = check(receiver, "vitable", reports.resolve("all"), "--skip", "SIG-002,rpl-001");
            Cli.Result some = check(receiver, "vitable", reports.resolve("some"), "--checks", "SIG-001,SIG-002,SIG-003",
                    "--skip", "SIG-002");

            assertThat(all.exitCode()).as("%s", all).isZero();
            List<String> ran = ReportSchema.validReport(reports.resolve("all")).get("checks").valueStream()
                    .map(c -> c.get("id").asString()).toList();
            assertThat(ran).doesNotContain("SIG-002", "RPL-001").contains("SIG-001", "RPL-002")
                    .hasSize(dev.hookcheck.conformance.Checks.all().size() - 2);
            assertThat(all.out()).doesNotContain("SIG-002  ", "RPL-001  ");
            assertThat(ReportSchema.validReport(reports.resolve("some")).get("checks").valueStream()
                    .map(c -> c.get("id").asString())).containsExactlyInAnyOrder("SIG-001", "SIG-003");
            assertThat(some.exitCode()).isZero();
        }
    }

    @Test
    void skipNamesAnUnknownIdAndRefusesToLeaveNothing() {
        Cli.Result unknown = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "vitable", "--secret", "s",
                "--skip", "SIG-999");
        Cli.Result nothing = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "vitable", "--secret", "s",
                "--checks", "SIG-001", "--skip", "SIG-001");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).singleElement().asString().startsWith("hookcheck: --skip: unknown check id(s)"
                + " [SIG-999]; known ids: SIG-001");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.errLines()).containsExactly("hookcheck: --skip leaves no check to run; skip fewer, or name"
                + " others with --checks");
    }

    @Test
    void theSummarySaysWhatToFixFirstWithEachFixOnce() throws Exception {
        try (ReferenceReceiver receiver = Flaw.NO_VERIFICATION.receiver("standard").start()) {
            Cli.Result result = Cli.run("check", "--url", receiver.url().toString(), "--profile", "standard",
                    "--secret", Secrets.of("standard").reveal(), "--report-dir", reports.toString());

            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            String out = result.out();
            String fixFirst = out.substring(out.indexOf("What to fix first:"));
            assertThat(fixFirst).startsWith("What to fix first:\n  1. Does not verify signatures at all: unsigned,"
                    + " forged and altered deliveries are accepted\n     SIG-002, SIG-003, SIG-004, SIG-005, SIG-006,"
                    + " SIG-007, SIG-008, SIG-009, SIG-010, SIG-011, SIG-013, RPL-001, RPL-003, RPL-004, RPL-005 (15"
                    + " checks)\n     Fix: verify the signature header over the raw body with your secret before"
                    + " doing anything with a delivery, and answer 401 when it is missing or does not match.\nRun one"
                    + " alone: hookcheck check --url " + receiver.url() + " --profile standard --secret"
                    + " \"$HOOKCHECK_SECRET\" --report-dir " + reports + " --checks SIG-002");
            assertThat(out).doesNotContain("Hint:", Secrets.of("standard").reveal());
            assertThat(out).contains("  FAIL  SIG-002  rejects a delivery without a signature header (")
                    .contains("        expected 4xx for a delivery without webhook-signature, got 200\n");
        }
    }

    @Test
    void theSettleWindowIsSecondsWithinReason() throws Exception {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("stripe").start()) {
            Cli.Result result = Cli.run("check", "--url", receiver.url().toString(), "--profile", "stripe", "--secret",
                    Secrets.of("stripe").reveal(), "--settle", "soon");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.errLines()).containsExactly("hookcheck: --settle takes seconds between 0 and 600, such as"
                    + " 5 or 0.5; got 'soon'");
        }
    }

    @Test
    void levelRequiredLeavesTheRecommendedChecksOut() throws Exception {
        try (ReferenceReceiver receiver = Flaw.ACCEPTS_FUTURE.receiver("stripe").start()) {
            Cli.Result all = check(receiver, "stripe", reports.resolve("all"), "--checks", "RPL-001,RPL-003");
            Cli.Result required = check(receiver, "stripe", reports.resolve("required"), "--checks", "RPL-001,RPL-003",
                    "--level", "required");

            assertThat(ReportSchema.idsWithOutcome(ReportSchema.validReport(reports.resolve("all")), "failed"))
                    .containsExactly("RPL-003");
            assertThat(all.exitCode()).as("a failed recommended check does not fail the run").isZero();
            assertThat(all.out()).contains("FAIL  RPL-003  rejects a timestamp too far in the future [recommended]");
            assertThat(ReportSchema.validReport(reports.resolve("required")).get("checks").valueStream()
                    .map(c -> c.get("id").asString())).containsExactly("RPL-001");
            assertThat(required.exitCode()).isZero();
        }
    }

    @Test
    void aSchemeFileChecksAReceiverOfAProviderTheKitDoesNotShip() throws Exception {
        // the Preo receiver, described by the JSON form of its own scheme: the run must be the same
        Path scheme = Path.of(System.getProperty("hookcheck.root"), "schemas/json/schemes/preo.json");
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("preo").start()) {
            Cli.Result result = Cli.run("check", "--url", receiver.url().toString(), "--scheme", scheme.toString(),
                    "--secret", Secrets.of("preo").reveal(), "--probe-url", receiver.probeTemplate(),
                    "--report-dir", reports.toString());

            assertThat(result.exitCode()).as("%s", result).isZero();
            JsonNode report = ReportSchema.validReport(reports);
            assertThat(report.get("profile").asString()).isEqualTo("preo");
            assertThat(ReportSchema.idsWithOutcome(report, "failed")).isEmpty();
        }
    }
}
