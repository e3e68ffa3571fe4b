package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.Checks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hookcheck checks}, {@code --version} and {@code --help}. */
class CatalogAndVersionTest {
    @Test
    void checksPrintsTheCatalogInAlignedColumnsWithTheProfilesLevels() {
        Cli.Result result = Cli.run("checks", "--profile", "github");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +LEVEL +CATEGORY +TITLE");
        int titleColumn = lines.get(0).indexOf("TITLE");
        List<String> rows = lines.subList(1, 1 + Checks.all().size());
        assertThat(rows).allSatisfy(row -> assertThat(row.charAt(titleColumn - 1)).isEqualTo(' '));
        assertThat(rows.get(0)).startsWith("SIG-001  required").endsWith("accepts a correctly signed delivery");
        assertThat(rows).anyMatch(row -> row.matches("RPL-001 +not-applicable +replay +rejects a timestamp just"
                + " beyond the tolerance"));
        assertThat(result.out()).contains(Checks.all().size() + " checks for profile github (GitHub).");
    }

    @Test
    void checksDefaultsToStandardWebhooks() {
        assertThat(Cli.run("checks").out()).contains("checks for profile standard");
    }

    @Test
    void versionIsTheMavenVersion() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("hookcheck 0.1.0-SNAPSHOT\n");
    }

    @Test
    void everyCommandHasCompleteHelp() {
        for (String command : List.of("serve", "check", "sign", "checks")) {
            Cli.Result result = Cli.run(command, "--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Usage: hookcheck " + command).contains("--help", "--version");
        }
        assertThat(Cli.run("serve", "--help").out()).contains("--port", "--host", "--api-key", "--config", "--seed",
                "--events", "--time-scale", "HOOKCHECK_PORT", "HOOKCHECK_HOST", "HOOKCHECK_API_KEY",
                "HOOKCHECK_CONFIG", "HOOKCHECK_SEED", "HOOKCHECK_EVENTS", "HOOKCHECK_TIME_SCALE");
        assertThat(Cli.run("check", "--help").out()).contains("--url", "--profile", "--scheme", "--secret",
                "--probe-url", "--checks", "--level", "--report-dir", "--timeout-seconds", "HOOKCHECK_SECRET");
        assertThat(Cli.run("sign", "--help").out()).contains("--profile", "--secret", "--id", "--timestamp", "--body",
                "--curl");
        assertThat(Cli.run("--help").out()).contains("serve", "check", "sign", "checks");
    }
}
