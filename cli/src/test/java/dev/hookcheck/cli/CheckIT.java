package dev.hookcheck.cli;

import dev.hookcheck.core.profile.Profiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code java -jar hookcheck.jar check} against reference receivers: exit codes, live lines and reports. */
class CheckIT {
    private static final Duration RUN = Duration.ofSeconds(120);

    @TempDir
    Path reports;

    private JarProcess check(ReferenceReceiver receiver, String profile, Path dir) {
        // the secret through the environment, as a CI job passes it
        return JarProcess.start(Map.of("HOOKCHECK_SECRET", Secrets.of(profile).reveal()), "check",
                "--url", receiver.url().toString(), "--profile", profile, "--probe-url", receiver.probeTemplate(),
                "--timeout-seconds", "5", "--report-dir", dir.toString());
    }

    @Test
    void aCorrectReceiverPasses() throws Exception {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("vitable").start();
                JarProcess check = check(receiver, "vitable", reports)) {
            assertThat(check.waitFor(RUN)).as("%s\n%s", check.out(), check.err()).isZero();

            JsonNode report = ReportSchema.validReport(reports);
            assertThat(ReportSchema.idsWithOutcome(report, "failed")).isEmpty();
            assertThat(check.out()).anyMatch(line -> line.matches("  PASS  SIG-001  accepts a correctly signed"
                    + " delivery \\(\\d+ ms\\)")).contains("PASSED: every required check passed.");
            assertThat(String.join("\n", check.out())).doesNotContain("\u001B[").as("no colours without a terminal");
        }
    }

    @Test
    void flawedReceiversFailWithTheChecksThatNameTheirFlaw() throws Exception {
        for (Flaw flaw : List.of(Flaw.SKIPS_UNSIGNED, Flaw.NO_TIMESTAMP_CHECK)) {
            String profile = flaw.profiles().get(0);
            Path dir = reports.resolve(flaw.name());
            try (ReferenceReceiver receiver = flaw.receiver(profile).start();
                    JarProcess check = check(receiver, profile, dir)) {
                assertThat(check.waitFor(RUN)).as("%s\n%s", check.out(), check.err()).isEqualTo(1);

                JsonNode report = ReportSchema.validReport(dir);
                assertThat(new TreeSet<>(ReportSchema.idsWithOutcome(report, "failed")))
                        .isEqualTo(DetectionMatrix.row(flaw.description(), profile).failed());
                assertThat(check.out()).last().asString().startsWith("FAILED: ");
            }
        }
    }

    /**
     * The hookcheck service of {@code examples/docker-compose.yml}, as Docker would run it: its environment
     * and command, with the compose hosts ({@code db}, {@code receiver}) pointed at a real PostgreSQL and a
     * queued reference receiver that records its events there.
     */
    @Test
    void theComposeExampleChecksAReceiverThroughItsDatabase() throws Exception {
        JsonNode service = tools.jackson.dataformat.yaml.YAMLMapper.builder().build()
                .readTree(JarProcess.ROOT.resolve("examples/docker-compose.yml").toFile()).at("/services/hookcheck");
        Map<String, String> env = new java.util.LinkedHashMap<>();
        service.get("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        env.put("HOOKCHECK_PROBE_JDBC_URL", ProbeOptionsTest.PG_URL);
        env.put("HOOKCHECK_PROBE_USER", ProbeOptionsTest.PG_USER);
        env.put("HOOKCHECK_PROBE_PASSWORD", ProbeOptionsTest.PG_PASSWORD);
        List<String> command = new java.util.ArrayList<>(service.get("command").valueStream().map(JsonNode::asString)
                .toList());
        try (JdbcLedger ledger = new JdbcLedger(ProbeOptionsTest.PG_URL, ProbeOptionsTest.PG_USER,
                ProbeOptionsTest.PG_PASSWORD);
                ReferenceReceiver receiver = new ReferenceReceiver(dev.hookcheck.core.profile.Profiles.get("standard"),
                        dev.hookcheck.core.Secret.of(env.get("HOOKCHECK_SECRET"))).queued().withLedger(ledger).start()) {
            env.put("HOOKCHECK_PROBE_SQL", env.get("HOOKCHECK_PROBE_SQL").replace("processed_events", ledger.effects));
            command.set(command.indexOf("--url") + 1, receiver.url().toString());
            command.addAll(List.of("--report-dir", reports.toString()));
            try (JarProcess check = JarProcess.start(env, command.toArray(String[]::new))) {
                assertThat(check.waitFor(RUN)).as("%s\n%s", check.out(), check.err()).isZero();
                JsonNode report = ReportSchema.validReport(reports);
                assertThat(report.get("notVerified")).isEmpty();
                assertThat(ReportSchema.idsWithOutcome(report, "passed")).contains("RPL-006", "IDM-001", "IDM-008");
            }
        }
    }

    /** A receiver written outside the project (Python), processing at once or from a queue: no false verdict. */
    @Test
    void aPythonReceiverIsJudgedLikeTheJavaOnesImmediateOrQueued() throws Exception {
        for (List<String> options : List.of(List.<String>of(), List.of("--queue-delay", "0.3"),
                List.of("--queue-delay", "1.5"))) {
            Path dir = reports.resolve("python" + options.size() + String.join("", options));
            try (PythonReceiver receiver = new PythonReceiver(options.toArray(String[]::new));
                    JarProcess check = JarProcess.start(Map.of("HOOKCHECK_SECRET", PythonReceiver.SECRET), "check",
                            "--url", receiver.url, "--profile", "standard", "--probe-url", receiver.probeTemplate(),
                            "--report-dir", dir.toString())) {
                assertThat(check.waitFor(RUN)).as("%s %s\n%s", options, check.out(), check.err()).isZero();
                JsonNode report = ReportSchema.validReport(dir);
                assertThat(ReportSchema.idsWithOutcome(report, "failed")).as("%s", options).isEmpty();
                assertThat(report.get("notVerified")).isEmpty();
            }
        }
        Path dir = reports.resolve("python-duplicates");
        try (PythonReceiver receiver = new PythonReceiver("--queue-delay", "0.3", "--flaw", "processes-duplicates");
                JarProcess check = JarProcess.start(Map.of("HOOKCHECK_SECRET", PythonReceiver.SECRET), "check",
                        "--url", receiver.url, "--profile", "standard", "--probe-url", receiver.probeTemplate(),
                        "--report-dir", dir.toString())) {
            assertThat(check.waitFor(RUN)).as("%s\n%s", check.out(), check.err()).isEqualTo(1);
            assertThat(ReportSchema.idsWithOutcome(ReportSchema.validReport(dir), "failed"))
                    .containsExactly("RPL-006", "IDM-001", "IDM-002");
        }
    }

    @Test
    void anUnreachableReceiverIsOneLineAndExitCode2() throws Exception {
        String url = "http://127.0.0.1:" + UsageErrorsTest.freePort() + "/webhooks";
        try (JarProcess check = JarProcess.start(Map.of("HOOKCHECK_SECRET", "s"), "check", "--url", url, "--profile",
                "vitable", "--report-dir", reports.toString())) {
            assertThat(check.waitFor(RUN)).isEqualTo(2);
            assertThat(check.err()).singleElement().asString().startsWith("hookcheck: cannot reach " + url
                    + ": connection refused");
            assertThat(check.out()).isEmpty();
        }
    }

    @Test
    void aWrongProfileAndAnInvalidConfigAreOneLineEachAndExitCode2() throws Exception {
        try (JarProcess check = JarProcess.start("check", "--url", "http://127.0.0.1:1/", "--profile", "paypal",
                "--secret", "s")) {
            assertThat(check.waitFor(RUN)).isEqualTo(2);
            assertThat(check.err()).containsExactly("hookcheck: unknown profile 'paypal'; valid profiles: "
                    + String.join(", ", Profiles.names()));
        }
        Path config = java.nio.file.Files.writeString(reports.resolve("bad.json"), "{\"events\": \"many\"}");
        try (JarProcess serve = JarProcess.start("serve", "--port", "0", "--config", config.toString())) {
            assertThat(serve.waitFor(RUN)).isEqualTo(2);
            assertThat(serve.err()).containsExactly("hookcheck: " + config + ": $.events: string found, integer"
                    + " expected", "hookcheck: " + config + ": does not match the configuration schema"
                    + " (hookcheck/json/config.schema.json); nothing was started");
        }
    }
}
