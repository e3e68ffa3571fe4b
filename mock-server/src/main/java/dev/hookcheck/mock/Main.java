package dev.hookcheck.mock;

import dev.hookcheck.core.profile.Profiles;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox until Ctrl-C: {@code [--port N] [--api-key KEY] [--seed N] [--events N]}. The
 * {@code hookcheck serve} command of the CLI module supersedes this entry point.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        MockServerConfig config = MockServerConfig.defaults().withHost("0.0.0.0").withPort(8080);
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                config = switch (args[i]) {
                    case "--port" -> config.withPort(Integer.parseInt(value));
                    case "--api-key" -> config.withApiKey(value);
                    case "--seed" -> config.withSeed(Long.parseLong(value));
                    case "--events" -> config.withEventsPerProfile(Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --port N, --api-key KEY, --seed N, --events N");
                };
            }
        } catch (IllegalArgumentException e) {
            System.err.println("hookcheck: " + e.getMessage());
            System.exit(2);
        }
        MockServer server = MockServer.create(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "hookcheck-shutdown"));
        printBanner(server, System.out);
        stopped.await();
    }

    /**
     * The URL, the API keys per profile and how to register a receiver; {@code hookcheck serve} prints
     * it too. Never the admin token: the banner ends up in logs.
     */
    public static void printBanner(MockServer server, PrintStream out) {
        MockServerConfig config = server.context().config();
        out.println("Hookcheck mock provider listening on " + server.baseUrl());
        if (config.adminToken().isPresent()) {
            out.println("Dashboard: " + server.baseUrl() + "/   (asks for the admin token once per browser tab; or open "
                    + server.baseUrl() + "/#token=<admin token>)");
            out.println("Admin API: send Authorization: Bearer <admin token> (health and openapi.json excepted)");
        } else {
            out.println("Dashboard: " + server.baseUrl() + "/");
            if (!server.listensOnLoopbackOnly()) {
                out.println();
                out.println("WARNING: listening on " + config.host() + " without an admin token: anyone who can reach this "
                        + "port can read and change the sandbox through the admin API. Set --admin-token "
                        + "(HOOKCHECK_ADMIN_TOKEN).");
            }
        }
        out.println();
        out.println("API keys (Authorization: Bearer <key>):");
        for (Map.Entry<String, Map<String, String>> key : server.store().apiKeys().entrySet()) {
            key.getValue().forEach((profile, org) -> out.printf("  %-8s %-44s organization %s%n", profile, key.getKey(), org));
        }
        out.println();
        out.println("Try:");
        out.println("  curl -H 'Authorization: Bearer <vitable key>' " + server.baseUrl() + "/v1/webhook-events?limit=5");
        out.println("  curl " + server.baseUrl() + "/__admin/health");
        out.println("Register a receiver (any of " + String.join(", ", Profiles.names()) + "):");
        out.println("  curl -X POST " + server.baseUrl() + "/__admin/endpoints -H 'Content-Type: application/json' \\"
                + (config.adminToken().isPresent() ? "\n       -H 'Authorization: Bearer <admin token>' \\" : ""));
        out.println("       -d '{\"profile\":\"vitable\",\"url\":\"http://localhost:3000/webhooks\"}'");
        out.println("API description: " + server.baseUrl() + "/__admin/openapi.json   (Ctrl-C stops)");
    }
}
