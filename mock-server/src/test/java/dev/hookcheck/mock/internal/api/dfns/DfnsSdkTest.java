package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official Dfns SDK works against the sandbox: {@code src/test/node/dfns-sdk/dfns-sdk-webhooks.js}
 * drives every webhook call of {@code @dfns/sdk} (signing its user actions with
 * {@code @dfns/sdk-keysigner}'s {@code AsymmetricKeySigner}, both pinned in that folder's
 * package-lock.json) against a server started here, set up exactly as the README says: the base URL,
 * an API key as the auth token, and the seeded signer's credential id and private key.
 *
 * <p>Needs Node.js 18+ and the packages: {@code npm ci --prefix mock-server/src/test/node/dfns-sdk}
 * ({@code .ci/run} does it). Without them the test fails with that command rather than skip, so that
 * CI never passes without having run the SDK.
 */
class DfnsSdkTest {
    private static final Path PACKAGE = Path.of("src", "test", "node", "dfns-sdk");
    private static final String SCRIPT = "dfns-sdk-webhooks.js";
    private static final List<String> WEBHOOK_CALLS = List.of("createWebhook", "getWebhook", "listWebhooks",
            "updateWebhook", "pingWebhook", "deleteWebhook", "listWebhookEvents", "getWebhookEvent");

    @Test
    void everyWebhookCallOfTheDfnsSdkWorksAgainstTheSandbox() throws Exception {
        requireNodeAndTheSdk();
        try (MockServer server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(40)).start()) {
            Run run = node(SCRIPT, clientSetup(server));

            System.out.println(run.output());
            assertThat(run.exitCode()).as("exit code of node %s:%n%s", SCRIPT, run.output()).isZero();
            JsonNode summary = Json.MAPPER.readTree(run.lastLine());
            assertThat(summary.path("failed").intValue()).isZero();
            assertThat(summary.path("checks").intValue()).as("checks run").isEqualTo(16);
            assertThat(summary.path("byMethod").propertyNames()).as("SDK methods called").containsAll(WEBHOOK_CALLS);
            assertThat(summary.path("sdkCalls").intValue()).as("SDK calls").isEqualTo(30);
        }
    }

    @Test
    void theReadmeExampleRunsAsItIs() throws Exception {
        requireNodeAndTheSdk();
        try (MockServer server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)).start()) {
            int before = Internals.of(server).store().endpointsOfProfile("dfns").size();

            Run run = node("readme-example.mjs", clientSetup(server));

            assertThat(run.exitCode()).as("exit code of node readme-example.mjs:%n%s", run.output()).isZero();
            assertThat(run.output().lines().toList()).first().asString().matches("wh-\\S+ whs-\\S+");
            assertThat(run.output()).contains("status: 'refused'");
            assertThat(Internals.of(server).store().endpointsOfProfile("dfns")).hasSize(before);
        }
    }

    @Test
    void theReadmeShowsTheExampleAsItIs() throws IOException {
        String example = Files.readString(PACKAGE.resolve("readme-example.mjs"));
        String shown = example.substring(example.indexOf('\n') + 1); // without the comment that names the README

        assertThat(Files.readString(Path.of("..", "README.md"))).as("README.md must show %s verbatim",
                PACKAGE.resolve("readme-example.mjs")).contains("```js\n" + shown + "```\n");
    }

    /** What the README tells a client: the base URL, an API key, the seeded signer's id and private key. */
    private static Map<String, String> clientSetup(MockServer server) {
        Credential signer = Internals.of(server).store().credentials().stream().filter(c -> c.privateKey().isPresent())
                .findFirst().orElseThrow();
        String apiKey = Internals.of(server).store().apiKeys().entrySet().stream()
                .filter(k -> signer.organizationId().equals(k.getValue().get("dfns"))).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        return Map.of("HOOKCHECK_URL", server.baseUrl(), "DFNS_AUTH_TOKEN", apiKey, "DFNS_CRED_ID", signer.id(),
                "DFNS_PRIVATE_KEY", signer.privateKey().orElseThrow().reveal());
    }

    private record Run(int exitCode, String output) {
        String lastLine() {
            List<String> lines = output.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private static Run node(String script, Map<String, String> env) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(PACKAGE.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node " + script + " did not finish within 120 s; it printed:%n%s", output.getNow("(nothing yet)"));
        }
        return new Run(process.exitValue(), output.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireNodeAndTheSdk() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                fail("node --version failed; the Dfns SDK test needs Node.js 18 or newer");
            }
        } catch (IOException e) {
            fail("the Dfns SDK test needs Node.js 18 or newer on the PATH (apt-get install nodejs npm): " + e.getMessage());
        }
        if (!Files.isRegularFile(PACKAGE.resolve("node_modules/@dfns/sdk/package.json"))
                || !Files.isRegularFile(PACKAGE.resolve("node_modules/@dfns/sdk-keysigner/package.json"))) {
            fail("the Dfns SDK is not installed for its test; run: npm ci --prefix mock-server/src/test/node/dfns-sdk"
                    + " (.ci/run does it)");
        }
    }
}
