package dev.hookcheck.mock;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServerConfig.DfnsUserActions;
import dev.hookcheck.mock.store.Credential;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox until Ctrl-C: {@code [--port N] [--api-key KEY] [--seed N] [--events N]
 * [--dfns-user-actions real|any]}. The {@code hookcheck serve} command of the CLI module supersedes
 * this entry point.
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
                    case "--dfns-user-actions" -> config.withDfnsUserActions(switch (value) {
                        case "real" -> DfnsUserActions.REAL;
                        case "any" -> DfnsUserActions.ANY;
                        default -> throw new IllegalArgumentException("--dfns-user-actions must be real or any, got " + value);
                    });
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --port N, --api-key KEY, --seed N, --events N, --dfns-user-actions real|any");
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
     * The key credentials that sign user actions: a Dfns client needs a credential id and its private
     * key (the SDK's {@code AsymmetricKeySigner({credId, privateKey})}), so the sandbox's own are shown whole.
     */
    private static void printCredentials(MockServer server, PrintStream out) {
        List<Credential> credentials = server.store().credentials();
        if (credentials.isEmpty()) {
            return;
        }
        out.println();
        out.println("Key credentials (user-action signing: credId and private key for @dfns/sdk-keysigner's AsymmetricKeySigner):");
        for (Credential credential : credentials) {
            out.printf("  %-8s %-44s organization %s, %s%s%n", credential.profile(), credential.id(),
                    credential.organizationId(), credential.publicKey().algorithm(),
                    credential.privateKey().isPresent() ? ", private key:" : " (its private key is its owner's)");
            credential.privateKey().ifPresent(key -> out.print(key.reveal()));
        }
        if (server.context().config().dfnsUserActions() == DfnsUserActions.ANY) {
            out.println("  (--dfns-user-actions any: Dfns changes accept any non-empty X-DFNS-USERACTION)");
        }
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
        printCredentials(server, out);
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
