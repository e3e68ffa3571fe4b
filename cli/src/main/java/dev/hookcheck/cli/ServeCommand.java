package dev.hookcheck.cli;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.MockServerConfig.DfnsUserActions;
import dev.hookcheck.mock.internal.Internals;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hookcheck serve}: the mock provider with seeded data, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Hookcheck.Version.class,
        description = {"Runs the mock provider (provider APIs, delivery engine, admin API) with seeded data until"
                + " Ctrl-C or SIGTERM. Every option can also come from its environment variable; options and variables"
                + " override the --config file.", ""})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:HOOKCHECK_PORT:-8080}",
            description = "The port; 0 for any free one (env HOOKCHECK_PORT). Default: 8080.")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:HOOKCHECK_HOST:-127.0.0.1}",
            description = "The interface to listen on; 0.0.0.0 for all (env HOOKCHECK_HOST). Default: 127.0.0.1.")
    String host;

    /** The key a plain {@code serve} opens every profile's default organization with, so pasted curls work. */
    static final String DEFAULT_API_KEY = "sandbox";

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:HOOKCHECK_API_KEY}",
            description = "Makes KEY a valid API key of the default organization of every profile "
                    + "(env HOOKCHECK_API_KEY; or the config file's apiKey). Default: " + DEFAULT_API_KEY + ". The "
                    + "generated keys work too; all are printed.")
    String apiKey;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:HOOKCHECK_ADMIN_TOKEN}",
            description = "Requires Authorization: Bearer TOKEN on the admin API (env HOOKCHECK_ADMIN_TOKEN; at least 8 "
                    + "characters); the dashboard asks for it. Set it whenever the sandbox listens on more than 127.0.0.1.")
    String adminToken;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:HOOKCHECK_CONFIG}",
            description = "A JSON or YAML file (env HOOKCHECK_CONFIG) with seed, events, timeScale, apiKey, "
                    + "dfnsUserActions, and the apiKeys, credentials, endpoints and failures to start with, each shaped "
                    + "like its admin API request. "
                    + "Schema: hookcheck/json/config.schema.json; example: examples/hookcheck.yaml.")
    Path config;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "${env:HOOKCHECK_SEED}",
            description = "The random seed of the seeded data; same seed, same data (env HOOKCHECK_SEED). Default: 1.")
    Long seed;

    @Option(names = "--events", paramLabel = "N", defaultValue = "${env:HOOKCHECK_EVENTS}",
            description = "Events seeded per profile (env HOOKCHECK_EVENTS). Default: 300.")
    Integer events;

    @Option(names = "--time-scale", paramLabel = "N", defaultValue = "${env:HOOKCHECK_TIME_SCALE}",
            description = "Runs the sandbox clock N times faster, so retry schedules of days pass in minutes "
                    + "(env HOOKCHECK_TIME_SCALE; 0: the clock moves only through POST /__admin/clock/advance). Default: 1.")
    Double timeScale;

    @Option(names = "--dfns-user-actions", paramLabel = "real|any", defaultValue = "${env:HOOKCHECK_DFNS_USER_ACTIONS}",
            description = "What a Dfns change must carry in X-DFNS-USERACTION: real, a token of the user-action signing"
                    + " flow (POST /auth/action/init, sign, POST /auth/action), good once for its request; or any, any"
                    + " non-empty value, for curl (env HOOKCHECK_DFNS_USER_ACTIONS). Default: real.")
    String dfnsUserActions;

    @Override
    public Integer call() throws InterruptedException {
        SandboxConfig file = config == null ? SandboxConfig.none() : SandboxConfig.load(config);
        MockServerConfig serverConfig = serverConfig(file);
        MockServer server = MockServer.create(serverConfig);
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw new UsageError("cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); pick another --port, or --port 0 for any free one");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> configured;
        try {
            configured = new ConfigApplier(server, file, adminToken).apply();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        Banner.print(server, new PrintStream(banner, true, StandardCharsets.UTF_8));
        out.print(banner.toString(StandardCharsets.UTF_8));
        if (!configured.isEmpty()) {
            out.println();
            out.println("From " + file.file() + ":");
            configured.forEach(line -> out.println("  " + line));
        }
        out.flush();
        seedInTheBackground(server);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("hookcheck: stopped the mock provider");
            out.flush();
            stopped.countDown();
            // Ctrl-C and SIGTERM are how a sandbox is meant to stop: a success, not a signal death (130/143)
            Runtime.getRuntime().halt(0);
        }, "hookcheck-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Seeds every profile's history now that the port answers, so that the dashboard and the admin API
     * find it made; a provider API request meanwhile still waits for its own profile's only. A failure
     * is not lost: the next request that needs the data gets it.
     */
    private static void seedInTheBackground(MockServer server) {
        Thread seeding = new Thread(() -> {
            try {
                Internals.of(server);
            } catch (RuntimeException e) {
                // answered to the request that needs the data
            }
        }, "hookcheck-seed");
        seeding.setDaemon(true);
        seeding.start();
    }

    private MockServerConfig serverConfig(SandboxConfig file) {
        try {
            MockServerConfig result = MockServerConfig.defaults().withHost(host).withPort(port);
            Long chosenSeed = seed != null ? seed : file.seed().orElse(null);
            if (chosenSeed != null) {
                result = result.withSeed(chosenSeed);
            }
            Integer chosenEvents = events != null ? events : file.events().orElse(null);
            if (chosenEvents != null) {
                result = result.withEventsPerProfile(chosenEvents);
            }
            Double chosenScale = timeScale != null ? timeScale : file.timeScale().orElse(null);
            if (chosenScale != null) {
                result = result.withTimeScale(chosenScale);
            }
            result = result.withApiKey(apiKey != null ? apiKey : file.apiKey().orElse(DEFAULT_API_KEY));
            if (adminToken != null) {
                result = result.withAdminToken(adminToken);
            }
            String userActions = dfnsUserActions != null ? dfnsUserActions : file.dfnsUserActions().orElse(null);
            if (userActions != null) {
                result = result.withDfnsUserActions(switch (userActions) {
                    case "real" -> DfnsUserActions.REAL;
                    case "any" -> DfnsUserActions.ANY;
                    default -> throw new UsageError("--dfns-user-actions must be real or any, got '" + userActions + "'");
                });
            }
            return result;
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** Posts the file's entries to the admin API, in order; a refusal names the entry and stops everything. */
    private record ConfigApplier(MockServer server, SandboxConfig file, String adminToken) {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        List<String> apply() {
            List<String> lines = new ArrayList<>();
            post("apiKeys", "/__admin/api-keys", file.apiKeys(), (asked, created) -> lines.add("API key "
                    + created.path("key").asString() + " opens " + created.path("profile").asString()
                    + " organization " + created.path("organizationId").asString()));
            // a generated secret is shown this once, so that the receiver can be given it
            // the banner, printed next, shows a generated private key whole
            post("credentials", "/__admin/credentials", file.credentials(), (asked, created) -> lines.add("credential "
                    + created.path("id").asString() + " (" + created.path("profile").asString() + ", "
                    + created.path("algorithm").asString() + ") signs for organization "
                    + created.path("organizationId").asString() + (asked.has("publicKey") ? ", public key as configured"
                            : ", generated: its private key is above")));
            post("endpoints", "/__admin/endpoints", file.endpoints(), (asked, created) -> lines.add("endpoint "
                    + created.path("id").asString() + " (" + created.path("profile").asString() + ") -> "
                    + created.path("url").asString() + (asked.has("secret") ? ", secret as configured"
                            : ", secret " + created.path("secret").asString())));
            post("failures", "/__admin/failures", file.failures(), (asked, created) -> lines.add("failure rule "
                    + created.path("id").asString() + ": " + created.path("mode").asString()));
            return lines;
        }

        private void post(String field, String path, List<JsonNode> entries, BiConsumer<JsonNode, JsonNode> created) {
            for (int i = 0; i < entries.size(); i++) {
                HttpResponse<String> response;
                try {
                    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared()
                                    .writeValueAsString(entries.get(i))));
                    if (adminToken != null) {
                        request.header("Authorization", "Bearer " + adminToken);
                    }
                    response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new IllegalStateException("the admin API did not answer: " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while applying " + file.file(), e);
                }
                JsonNode body = JsonMapper.shared().readTree(response.body());
                if (response.statusCode() != 201) {
                    JsonNode error = body.path("errors").path(0);
                    String at = "$." + field + "[" + i + "]" + jsonPath(error.path("source").path("pointer")
                            .asString(""));
                    throw new UsageError(file.file() + ": " + at + ": " + error.path("title").asString(
                            "refused with status " + response.statusCode()) + "; nothing was started");
                }
                created.accept(entries.get(i), body);
            }
        }

        /** {@code /events/0} becomes {@code .events[0]}. */
        private static String jsonPath(String pointer) {
            StringBuilder path = new StringBuilder();
            for (String part : pointer.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                path.append(part.chars().allMatch(Character::isDigit) ? "[" + part + "]" : "." + part);
            }
            return path.toString();
        }
    }
}
