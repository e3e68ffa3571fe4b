package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake is one line on stderr that says what to do, exit code 2, no stack trace, nothing run. */
class UsageErrorsTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void assertUsageError(Cli.Result result, String line) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(line);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnreachableUrlIsNamedBeforeAnyCheckRuns() throws IOException {
        String url = "http://127.0.0.1:" + freePort() + "/webhooks";
        Cli.Result result = Cli.run("check", "--url", url, "--profile", "standard", "--secret", SECRET,
                "--report-dir", dir.toString());

        assertUsageError(result, "hookcheck: cannot reach " + url + ": connection refused on 127.0.0.1:"
                + url.replaceAll(".*:(\\d+)/.*", "$1") + "; start the receiver, or check --url");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnknownHostIsNamed() {
        Cli.Result result = Cli.run("check", "--url", "http://receiver.invalid/webhooks", "--profile", "standard",
                "--secret", SECRET, "--report-dir", dir.toString());

        assertUsageError(result, "hookcheck: cannot reach http://receiver.invalid/webhooks: unknown host"
                + " receiver.invalid; start the receiver, or check --url");
    }

    @Test
    void aWrongProfileListsTheValidOnes() {
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "paypal", "--secret", SECRET);

        assertUsageError(result, "hookcheck: unknown profile 'paypal'; valid profiles: standard, vitable, dfns, preo,"
                + " stripe, github, zoom, twitch");
    }

    @Test
    void anUnreadableSchemeFileIsNamed() {
        Path missing = dir.resolve("missing-scheme.json");
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--scheme", missing.toString(),
                "--secret", SECRET);

        assertUsageError(result, "hookcheck: cannot read the scheme file " + missing + ": no such file");
    }

    @Test
    void anInvalidSchemeFileNamesTheField() throws IOException {
        Path scheme = Files.writeString(dir.resolve("scheme.json"), "{\"name\":\"acme\",\"algorithm\":\"md5\"}");
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--scheme", scheme.toString(),
                "--secret", SECRET);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("hookcheck: the scheme file " + scheme + " is not a valid scheme: ").contains("algorithm");
    }

    @Test
    void anUnknownCheckIdListsTheKnownOnes() {
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "vitable", "--secret", "s",
                "--checks", "SIG-001,XYZ-999");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("hookcheck: --checks: unknown check id(s) [XYZ-999]; known ids: SIG-001, SIG-002")
                .endsWith("(see 'hookcheck checks')");
    }

    @Test
    void aMissingSecretSaysWhereToPutIt() {
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "vitable");

        assertUsageError(result, "hookcheck: pass the secret the receiver verifies with: --secret S (or set"
                + " HOOKCHECK_SECRET)");
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        Cli.Result result = Cli.run("check", "--profile", "vitable", "--secret", "s");

        assertUsageError(result, "hookcheck: Missing required option: '--url=URL' (see 'hookcheck check --help')");
    }

    @Test
    void anInvalidConfigIsOneLinePerProblemWithItsJsonPathAndNothingStarts() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                events: -1
                timeScale: fast
                endpoints:
                  - profile: paypal
                    url: http://localhost:3000/webhooks
                  - url: not a url
                    profile: vitable
                colour: blue
                """);
        Cli.Result result = Cli.run("serve", "--port", "0", "--config", config.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).allMatch(line -> line.startsWith("hookcheck: " + config + ": "))
                .anyMatch(line -> line.startsWith("hookcheck: " + config + ": $.events: "))
                .anyMatch(line -> line.startsWith("hookcheck: " + config + ": $.timeScale: "))
                .anyMatch(line -> line.startsWith("hookcheck: " + config + ": $.endpoints[0].profile: "))
                .anyMatch(line -> line.startsWith("hookcheck: " + config + ": $.endpoints[1].url: "))
                .anyMatch(line -> line.startsWith("hookcheck: " + config + ": $: ") && line.contains("colour"))
                .last().asString().endsWith("does not match the configuration schema"
                        + " (hookcheck/json/config.schema.json); nothing was started");
    }

    @Test
    void aConfigThatIsNotYamlSaysWhere() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.yaml"), "endpoints: [\n  {profile: vitable\n");
        Cli.Result result = Cli.run("serve", "--port", "0", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("hookcheck: " + config
                + ": not valid YAML: ").contains("(line ");
    }

    @Test
    void aMissingConfigIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        Cli.Result result = Cli.run("serve", "--port", "0", "--config", missing.toString());

        assertUsageError(result, "hookcheck: cannot read the configuration " + missing + ": no such file");
    }

    @Test
    void aConfigTheServerRefusesNamesTheEntryAndStopsTheServer() throws IOException {
        // valid for the schema, refused by the server: a Standard Webhooks secret must be whsec_ + base64
        Path config = Files.writeString(dir.resolve("refused.yaml"), """
                events: 0
                endpoints:
                  - profile: standard
                    url: http://localhost:3000/webhooks
                    secret: plain-text
                """);
        Cli.Result result = Cli.run("serve", "--port", "0", "--config", config.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("hookcheck: " + config + ": $.endpoints[0].secret: secret cannot sign for profile")
                .endsWith("; nothing was started").doesNotContain("plain-text");
    }

    @Test
    void aConfiguredPublicKeyTheServerCannotReadNamesTheEntry() throws IOException {
        Path config = Files.writeString(dir.resolve("credential.yaml"), """
                events: 0
                credentials:
                  - profile: dfns
                    publicKey: |
                      -----BEGIN PUBLIC KEY-----
                      AAAA
                      -----END PUBLIC KEY-----
                """);
        Cli.Result result = Cli.run("serve", "--port", "0", "--config", config.toString());

        assertUsageError(result, "hookcheck: " + config + ": $.credentials[0].publicKey: publicKey is not a readable"
                + " public key: its base64 is not a DER SubjectPublicKeyInfo; nothing was started");
    }

    @Test
    void anUnknownUserActionModeNamesTheValidOnes() {
        Cli.Result result = Cli.run("serve", "--port", "0", "--dfns-user-actions", "maybe");

        assertUsageError(result, "hookcheck: --dfns-user-actions must be real or any, got 'maybe'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertUsageError(Cli.run(), "hookcheck: name a command: serve, check, send, sign or checks (see 'hookcheck"
                + " --help')");
    }
}
