package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a report gives to reproduce a failed check, pasted into bash as a developer would: the curl of
 * the exact request gets the same kind of answer from the receiver, and the command runs that one check
 * again with the secret from its variable.
 */
class ReproduceIT {
    @TempDir
    Path reports;

    private JsonNode check(ReferenceReceiver receiver, String profile, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--url", receiver.url().toString(), "--profile",
                profile, "--secret", Secrets.of(profile).reveal(), "--timeout-seconds", "5", "--report-dir",
                reports.toString()));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        return ReportSchema.validReport(reports);
    }

    @Test
    void theCurlOfEveryFailedRequestIsAcceptedAgainByAReceiverThatDoesNotVerify() throws Exception {
        try (ReferenceReceiver receiver = Flaw.NO_VERIFICATION.receiver("standard").start()) {
            JsonNode report = check(receiver, "standard");
            List<JsonNode> failed = report.get("checks").valueStream()
                    .filter(c -> c.get("outcome").asString().equals("failed")).toList();

            assertThat(failed).hasSizeGreaterThan(10);
            for (JsonNode check : failed) {
                String curl = check.at("/reproduce/curl").asString();
                assertThat(curl).as(check.get("id").asString()).isNotEmpty()
                        .doesNotContain(Secrets.of("standard").reveal());
                int status = status(bash(curl + " -o /dev/null -w '%{http_code}'", Map.of()));
                assertThat(status).as("%s: %s", check.get("id").asString(), curl)
                        .isEqualTo(check.at("/evidence/response/status").asInt()).isBetween(200, 299);
            }
        }
    }

    @Test
    void theCurlOfACorrectlySignedDeliveryIsRefusedAgainByAReceiverKeyedWrongly() throws Exception {
        try (ReferenceReceiver receiver = Flaw.WRONG_KEY_ENCODING.receiver("standard").start()) {
            JsonNode report = check(receiver, "standard", "--checks", "SIG-001,SIG-002");
            JsonNode sig001 = report.get("checks").get(0);

            assertThat(sig001.get("id").asString()).isEqualTo("SIG-001");
            String curl = sig001.at("/reproduce/curl").asString();
            assertThat(curl).contains("webhook-signature: v1,");
            assertThat(status(bash(curl + " -o /dev/null -w '%{http_code}'", Map.of()))).isEqualTo(401);
        }
    }

    @Test
    void theCommandOfAFailedCheckRunsThatCheckAloneWithTheSecretFromItsVariable() throws Exception {
        try (ReferenceReceiver receiver = Flaw.NO_TIMESTAMP_CHECK.receiver("standard").start()) {
            JsonNode report = check(receiver, "standard", "--skip", "IDM-002");
            JsonNode rpl001 = report.get("checks").get(0);
            String command = rpl001.at("/reproduce/command").asString();

            assertThat(report.get("commandLine").asString()).contains("--secret \"$HOOKCHECK_SECRET\"", "--skip IDM-002")
                    .doesNotContain(Secrets.of("standard").reveal());
            assertThat(command).endsWith(" --checks RPL-001").doesNotContain("--skip");
            Bash run = bash("hookcheck() { java -jar " + Shell.quote(JarProcess.JAR.toAbsolutePath().toString())
                    + " \"$@\"; }\n" + command, Map.of("HOOKCHECK_SECRET", Secrets.of("standard").reveal()));
            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            assertThat(run.out()).contains("  FAIL  RPL-001  ", "1 check in").doesNotContain("  PASS  ");
        }
    }

    record Bash(int exitCode, String out) {}

    private static Bash bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOOKCHECK_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Bash(process.exitValue(), out);
    }

    private static int status(Bash curl) {
        assertThat(curl.exitCode()).as(curl.out()).isZero();
        return Integer.parseInt(curl.out().strip());
    }
}
