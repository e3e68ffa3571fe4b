package dev.hookcheck.cli;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.MockServerConfig.DfnsUserActions;
import dev.hookcheck.mock.internal.store.Credential;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What {@code hookcheck serve} prints first: where the sandbox listens, its keys, and how to use it. */
final class Banner {
    private Banner() {}

    /**
     * The key credentials that sign user actions: a Dfns client needs a credential id and its private
     * key (the SDK's {@code AsymmetricKeySigner({credId, privateKey})}), so the sandbox's own are shown whole.
     */
    private static void printCredentials(MockServer server, PrintStream out) {
        List<Credential> credentials = Internals.accountsOf(server).store().credentials();
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
        if (Internals.accountsOf(server).config().dfnsUserActions() == DfnsUserActions.ANY) {
            out.println("  (--dfns-user-actions any: Dfns changes accept any non-empty X-DFNS-USERACTION)");
        }
    }

    /**
     * The URL, the API keys per profile and how to register a receiver; {@code hookcheck serve} prints
     * it first. Never the admin token: the banner ends up in logs.
     */
    static void print(MockServer server, PrintStream out) {
        MockServerConfig config = Internals.accountsOf(server).config();
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
        for (Map.Entry<String, Map<String, String>> key : Internals.accountsOf(server).store().apiKeys().entrySet()) {
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
