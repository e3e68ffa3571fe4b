package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.report.Invocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line the reports show: pasteable, and never with a secret in it. */
class RunCommandTest {
    @Test
    void aSecretReadsFromItsVariableWhicheverWayItWasGiven() {
        Invocation command = RunCommand.of("check", List.of("--url", "http://localhost:3000/webhooks", "--profile",
                "standard", "--secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "--secret=whsec_b2xk",
                "--probe-password", "hunter2"));

        assertThat(command.commandLine()).isEqualTo("hookcheck check --url http://localhost:3000/webhooks --profile"
                + " standard --secret \"$HOOKCHECK_SECRET\" --secret \"$HOOKCHECK_SECRET_2\" --probe-password"
                + " \"$HOOKCHECK_PROBE_PASSWORD\"").doesNotContain("MfKQ9r8G", "b2xk", "hunter2");
    }

    @Test
    void passwordsInsideUrlsAreBlanked() {
        Invocation command = RunCommand.of("check", List.of("--probe-jdbc-url",
                "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true", "--probe-url",
                "http://probe:s3cret@localhost:3000/__probe/{event_id}"));

        assertThat(command.commandLine()).doesNotContain("s3cret").contains(
                "'jdbc:postgresql://db:5432/app?user=app&password=[redacted]&ssl=true'",
                "'http://probe:[redacted]@localhost:3000/__probe/{event_id}'");
    }

    @Test
    void theCommandForOneCheckLeavesTheSelectionOut() {
        Invocation command = RunCommand.of("check", List.of("--url", "http://localhost:3000/", "--checks",
                "SIG-001,SIG-002", "--skip=ROB-003", "--require-probe", "--report-dir", "out dir"));

        assertThat(command.commandLine()).isEqualTo("hookcheck check --url http://localhost:3000/ --checks"
                + " SIG-001,SIG-002 --skip ROB-003 --require-probe --report-dir 'out dir'");
        assertThat(command.oneCheck("SIG-002")).isEqualTo("hookcheck check --url http://localhost:3000/"
                + " --require-probe --report-dir 'out dir' --checks SIG-002");
    }
}
