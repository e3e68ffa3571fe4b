package dev.hookcheck.core.profile;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The built-in profiles' {@link ExampleData}: realistic {@code data} objects per event, as compact JSON. */
final class Examples {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String[] NETWORKS = {"EthereumSepolia", "Polygon", "Base", "Solana", "Bitcoin"};
    private static final String[] EDITIONS = {"Roskilde Festival 2026", "Northside 2026", "Smukfest 2026", "Tinderbox 2026"};
    private static final String[] REPOS = {"acme/widgets", "acme/api", "acme/web"};

    private Examples() {}

    /** Vitable delivers thin events: no resource snapshot. */
    static String vitable(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        return "{}";
    }

    static String dfns(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        return JSON.writeValueAsString(dfnsObject(p, type, resourceType, id, at, r));
    }

    static String preo(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        return JSON.writeValueAsString(preoObject(p, resourceType, id, at, r));
    }

    static String stripe(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        return JSON.writeValueAsString(stripeObject(resourceType, id, at, r));
    }

    static String github(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        return JSON.writeValueAsString(githubObject(type, id, r));
    }

    static String standard(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        return JSON.writeValueAsString(standardObject(type, resourceType, id, r));
    }

    private static String status(String type) {
        String last = type.substring(type.lastIndexOf('.') + 1);
        return switch (last) {
            case "requested", "pending", "triggered" -> "Pending";
            case "broadcasted" -> "Broadcasted";
            case "confirmed", "resolved" -> "Confirmed";
            case "signed" -> "Signed";
            default -> Character.toUpperCase(last.charAt(0)) + last.substring(1);
        };
    }

    /** The object under the kind's key: {@code {"wallet":{…}}}, {@code {"transferRequest":{…}}}… */
    private static ObjectNode dfnsObject(Profile p, String type, String key, String id, Instant at, RandomGenerator r) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode o = root.putObject(key);
        String network = NETWORKS[r.nextInt(NETWORKS.length)];
        String walletId = p.ids().resource("wallet").generate(r);
        o.put("id", id);
        switch (key) {
            case "wallet" -> {
                o.put("network", network).put("address", "0x" + hex(r, 20)).put("status", "Active")
                        .put("dateCreated", at.toString());
                o.putArray("tags");
            }
            case "transferRequest", "transactionRequest", "signatureRequest" -> {
                o.put("walletId", walletId).put("network", network);
                ObjectNode body = o.putObject("requestBody");
                switch (key) {
                    case "transferRequest" -> body.put("kind", "Native").put("to", "0x" + hex(r, 20))
                            .put("amount", Long.toString(1_000_000L + r.nextLong(900_000_000_000L)));
                    case "transactionRequest" -> body.put("kind", "Transaction").put("transaction", "0x" + hex(r, 48));
                    default -> body.put("kind", "Hash").put("hash", "0x" + hex(r, 32));
                }
                o.put("status", status(type)).put("dateRequested", at.toString());
                if (type.endsWith("broadcasted") || type.endsWith("confirmed")) {
                    o.put("txHash", "0x" + hex(r, 32));
                }
            }
            case "policyEvaluation" -> o.put("policyId", p.ids().resource("policy").generate(r))
                    .put("activityKind", "Wallets:Sign").put("triggered", true).put("date", at.toString());
            case "approval" -> o.put("policyId", p.ids().resource("policy").generate(r))
                    .put("status", type.endsWith("resolved") ? "Approved" : "Pending").put("dateCreated", at.toString());
            case "blockchainEvent" -> o.put("walletId", walletId).put("network", network).put("kind", "NativeTransfer")
                    .put("direction", "In").put("value", Long.toString(r.nextLong(1_000_000_000L)))
                    .put("txHash", "0x" + hex(r, 32)).put("blockNumber", 19_000_000 + r.nextInt(1_000_000))
                    .put("timestamp", at.toString());
            case "key" -> o.put("scheme", "ECDSA").put("curve", "secp256k1").put("publicKey", hex(r, 33))
                    .put("status", "Active").put("dateCreated", at.toString());
            default -> o.put("status", "ActionRequired").put("dateCreated", at.toString());
        }
        return root;
    }

    /** Assumed shape (Preo publishes none). */
    private static ObjectNode preoObject(Profile p, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put(resourceType + "_id", id);
        switch (resourceType) {
            case "order" -> {
                o.put("edition_id", p.ids().resource("edition").generate(r));
                o.putObject("total").put("amount", 49_500 + r.nextInt(200_000)).put("currency", "DKK");
                o.put("status", "paid");
            }
            case "purchase" -> o.put("order_id", p.ids().resource("order").generate(r)).put("ticket_type", "General admission")
                    .put("quantity", 1 + r.nextInt(4));
            case "pass" -> o.put("holder_name", "Guest " + (1 + r.nextInt(9000))).put("valid_from", at.toString());
            case "refund" -> o.put("order_id", p.ids().resource("order").generate(r)).put("amount", 49_500)
                    .put("currency", "DKK");
            default -> o.put("name", EDITIONS[r.nextInt(EDITIONS.length)]).put("starts_at", at.plusSeconds(86_400L * 60).toString());
        }
        return o;
    }

    private static ObjectNode standardObject(String type, String resourceType, String id, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id).put("object", resourceType);
        switch (resourceType) {
            case "invoice", "payment" -> o.put("amount", 100 * (5 + r.nextInt(500))).put("currency", "usd")
                    .put("status", type.substring(type.indexOf('.') + 1));
            case "customer" -> o.put("email", "customer" + r.nextInt(10_000) + "@example.com");
            default -> o.put("plan", r.nextBoolean() ? "pro" : "team").put("status", type.endsWith("canceled") ? "canceled" : "active");
        }
        return o;
    }

    private static ObjectNode stripeObject(String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id).put("object", resourceType.equals("checkout_session") ? "checkout.session" : resourceType);
        if (!resourceType.equals("customer")) {
            o.put("amount", 100 * (5 + r.nextInt(500))).put("currency", "usd");
        }
        return o.put("created", at.getEpochSecond()).put("livemode", false);
    }

    private static ObjectNode githubObject(String type, String id, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String repo = REPOS[r.nextInt(REPOS.length)];
        switch (type) {
            case "ping" -> {
                o.put("zen", "Keep it logically awesome.").put("hook_id", Long.parseLong(id));
                o.putObject("hook").put("id", Long.parseLong(id)).put("type", "Repository").put("active", true);
            }
            case "push" -> {
                String after = hex(r, 20);
                o.put("ref", "refs/heads/main").put("before", hex(r, 20)).put("after", after);
                o.putArray("commits").addObject().put("id", after).put("message", "Deduplicate webhook deliveries")
                        .putObject("author").put("name", "Mona Octocat").put("email", "mona@example.com");
                o.putObject("pusher").put("name", "octocat");
            }
            case "pull_request" -> {
                o.put("action", r.nextBoolean() ? "opened" : "closed").put("number", 1 + r.nextInt(900));
                o.putObject("pull_request").put("id", Long.parseLong(id)).put("title", "Improve webhook retries");
            }
            case "issues", "issue_comment" -> {
                o.put("action", type.equals("issues") ? "opened" : "created");
                o.putObject("issue").put("id", Long.parseLong(id)).put("number", 1 + r.nextInt(900)).put("title", "Duplicate deliveries");
            }
            case "star" -> o.put("action", "created").put("starred_at", "2026-01-01T00:00:00Z");
            case "release" -> o.put("action", "published").putObject("release").put("id", Long.parseLong(id))
                    .put("tag_name", "v1." + r.nextInt(40) + ".0");
            default -> {
                o.put("action", "completed");
                o.putObject("workflow_run").put("id", Long.parseLong(id)).put("status", "completed")
                        .put("conclusion", r.nextInt(5) == 0 ? "failure" : "success");
            }
        }
        ObjectNode repository = o.putObject("repository");
        long repositoryId = 100_000_000 + r.nextInt(100_000_000);
        // a push or a star is about the repository itself: its id is the event's resource id
        repository.put("id", type.equals("push") || type.equals("star") ? Long.parseLong(id) : repositoryId)
                .put("full_name", repo);
        o.putObject("sender").put("login", "octocat");
        return o;
    }

    private static String hex(RandomGenerator r, int bytes) {
        byte[] raw = new byte[bytes];
        r.nextBytes(raw);
        return HexFormat.of().formatHex(raw).toLowerCase(Locale.ROOT);
    }
}
