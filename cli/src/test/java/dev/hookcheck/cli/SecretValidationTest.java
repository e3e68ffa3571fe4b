package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret that is not in the provider's format is refused before anything is signed or sent: exit 2,
 * one line saying what the provider's secrets look like and where it shows them, never the secret.
 */
class SecretValidationTest {
    private static final String STANDARD = "hookcheck: --secret (or HOOKCHECK_SECRET): this is not a Standard Webhooks"
            + " secret: expected whsec_ followed by base64 (or whsk_ followed by a base64 Ed25519 signing key); the"
            + " sender shows it with the endpoint (Svix: the endpoint's Signing Secret in the dashboard)";
    private static final String STRIPE = "hookcheck: --secret (or HOOKCHECK_SECRET): this is not a Stripe secret:"
            + " expected whsec_ followed by letters and digits; the Stripe Dashboard shows it with the endpoint"
            + " (Workbench, Webhooks, your destination, Reveal secret); stripe listen --print-secret prints the CLI's";

    @TempDir
    Path dir;

    private static void assertRefused(Cli.Result result, String line, String secret) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(line);
        assertThat(result.out()).isEmpty();
        if (secret.strip().length() > "whsec_".length()) {
            assertThat(result.err()).doesNotContain(secret.strip());
        }
    }

    @Test
    void aStandardSecretWithoutItsPrefixIsRefusedByCheckBeforeAnythingIsSent() {
        // nothing listens on port 1: the secret is refused before the receiver is even looked for
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/webhooks", "--profile", "standard",
                "--secret", "notwhsec", "--report-dir", dir.toString());

        assertRefused(result, STANDARD, "notwhsec");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aStandardSecretWhoseKeyIsNotBase64IsRefused() {
        for (String secret : List.of("whsec_", "whsec_not-base64!", "whsec_abcde", "whsk_AAAA")) {
            assertRefused(Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "standard", "--secret", secret),
                    STANDARD, secret);
        }
    }

    @Test
    void sendAndSignRefuseItToo() throws Exception {
        Path body = Files.writeString(dir.resolve("event.json"), "{}", StandardCharsets.UTF_8);
        assertRefused(Cli.run("send", "--url", "http://127.0.0.1:1/", "--profile", "stripe", "--secret", "sk_test_4eC39"),
                STRIPE, "sk_test_4eC39");
        assertRefused(Cli.run("sign", "--profile", "stripe", "--secret", "sk_test_4eC39", "--body", body.toString()),
                STRIPE, "sk_test_4eC39");
    }

    @Test
    void aSecretPastedWithItsLineBreakIsRefusedWhereAnyTextIsASecret() {
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "github", "--secret",
                "github_hook_secret_8b7a6c5d4e3f2a1b0c9d\n");

        assertRefused(result, "hookcheck: --secret (or HOOKCHECK_SECRET): this is not a GitHub secret: expected the"
                + " text typed into the webhook's Secret field; it is the webhook's Secret in the repository's or"
                + " organization's Settings, Webhooks, Edit; GitHub never shows it again, so set a new one there if"
                + " it is lost", "github_hook_secret_8b7a6c5d4e3f2a1b0c9d");
    }

    @Test
    void theMalformedOneOfSeveralSecretsIsNamed() {
        Cli.Result result = Cli.run("check", "--url", "http://127.0.0.1:1/", "--profile", "standard", "--secret",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "--secret", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("hookcheck: the 2nd --secret (or HOOKCHECK_SECRET): this is not a Standard Webhooks secret");
    }

    @Test
    void wellFormedSecretsOfEveryProfileAreAccepted() throws Exception {
        Path body = Files.writeString(dir.resolve("event.json"), "{}", StandardCharsets.UTF_8);
        for (String[] secret : List.of(new String[] {"standard", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
                new String[] {"standard", "whsk_" + "A".repeat(43) + "="},
                new String[] {"stripe", "whsec_3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e"},
                new String[] {"vitable", "vitable_whsec_4c1d2f0e9b8a7f6e5d4c3b2a"},
                new String[] {"dfns", "whs-Fij3kMxq"}, new String[] {"preo", "preo_signing_key_5e6f"},
                new String[] {"github", "It's a Secret to Everybody"})) {
            Cli.Result result = Cli.run("sign", "--profile", secret[0], "--secret", secret[1], "--body", body.toString());
            assertThat(result.exitCode()).as("%s %s", secret[0], result).isZero();
        }
    }
}
