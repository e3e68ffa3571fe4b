package dev.hookcheck.core.internal.providers.dfns;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static dev.hookcheck.core.internal.providers.Bodies.hex;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.profile.DeliveryRules;
import dev.hookcheck.core.profile.EventCatalog;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Field;
import dev.hookcheck.core.profile.IdFormat;
import dev.hookcheck.core.profile.Ids;
import dev.hookcheck.core.profile.Lifecycle.Step;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.RetryPolicy;
import dev.hookcheck.core.profile.SecretFormat;
import dev.hookcheck.core.profile.SeededEndpoint;
import dev.hookcheck.core.profile.SuccessRule;
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Dfns (wallet infrastructure). */
public final class Provider implements Supplier<Profile> {
    private static final String[] NETWORKS = {"EthereumSepolia", "Polygon", "Base", "Solana", "Bitcoin"};

    @Override
    public Profile get() {
        List<EventType> kinds = new ArrayList<>();
        kinds.add(new EventType("policy.triggered", "policyEvaluation"));
        kinds.add(new EventType("policy.approval.pending", "approval"));
        kinds.add(new EventType("policy.approval.resolved", "approval"));
        kinds.add(new EventType("wallet.blockchainevent.detected", "blockchainEvent"));
        for (String s : List.of("created", "delegated", "exported", "activated", "tags.modified")) {
            kinds.add(new EventType("wallet." + s, "wallet"));
        }
        for (String s : List.of("failed", "rejected", "requested", "signed")) {
            kinds.add(new EventType("wallet.signature." + s, "signatureRequest"));
        }
        for (String s : List.of("broadcasted", "confirmed", "failed", "rejected", "requested")) {
            kinds.add(new EventType("wallet.transaction." + s, "transactionRequest"));
        }
        for (String s : List.of("broadcasted", "confirmed", "failed", "rejected", "requested")) {
            kinds.add(new EventType("wallet.transfer." + s, "transferRequest"));
        }
        for (String s : List.of("received", "accepted", "rejected", "withdrawn")) {
            kinds.add(new EventType("wallet.offer." + s, "wallet"));
        }
        for (String s : List.of("created", "deleted", "delegated", "exported")) {
            kinds.add(new EventType("key." + s, "key"));
        }
        kinds.add(new EventType("payout.action.required", "payout"));
        return Profile.builder("dfns", "Dfns").position(2)
                .signing(SignatureSchemes.declarative(SignatureSchemes.DFNS),
                        SecretFormat.text("the webhook's secret text exactly as Dfns returned it", "Dfns returns it once,"
                                + " as secret, in its answer to the POST /webhooks that created the webhook"),
                        r -> "whs-" + Bodies.alnum(r, 32))
                .success(SuccessRule.EXACTLY_200)
                // attempts at +1 min, +12 min, +2 h and +1 day after the first
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(11), ofMinutes(108), ofHours(22)), 0))
                .timeout(ofSeconds(10)).rules(DeliveryRules.DFNS)
                .traits(Traits.NONE.withUserActionSigning().withReserializedBodyTolerated("Dfns sends compact JSON and"
                        + " its own sample verifies a re-serialized body; the raw bytes are still the only safe input"))
                .catalog(new EventCatalog(kinds, List.of("wallet", "transferRequest", "transactionRequest",
                                "signatureRequest", "blockchainEvent", "policyEvaluation", "approval", "key", "payout")),
                        new Ids(IdFormat.dfns("whe-"), IdFormat.dfns("whe-"), IdFormat.dfns("wh-"), IdFormat.dfns("or-"),
                                Map.of("wallet", IdFormat.dfns("wa-"), "transferRequest", IdFormat.dfns("xfr-"),
                                        "transactionRequest", IdFormat.dfns("tx-"), "signatureRequest", IdFormat.dfns("sig-"),
                                        "policyEvaluation", IdFormat.dfns("plce-"), "approval", IdFormat.dfns("ap-"),
                                        "blockchainEvent", IdFormat.dfns("wbe-"), "key", IdFormat.dfns("key-"),
                                        "payout", IdFormat.dfns("po-"), "policy", IdFormat.dfns("plc-"))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("id"), Field.json("kind"), Field.json("timestampSent"))
                .seededEndpoints(SeededEndpoint.of(0, "https://wallets.acme.example/hooks/dfns", "Production"),
                        new SeededEndpoint(0, "https://ledger.acme.example/dfns/transfers", "Transfers to the ledger",
                                List.of("wallet.transfer.confirmed", "wallet.transfer.failed"), null),
                        SeededEndpoint.of(1, "https://globex.example/dfns-webhook", "Globex"))
                .idempotencyKey("the first attempt's id (later attempts point back through retryOf)")
                .assumptions("the receiver timeout (10 s) is not published",
                        "organization, approval, blockchain event and payout id prefixes (or-, ap-, wbe-, po-)",
                        "wallet.offer.* events carry {\"wallet\":…} (the documented wallet.* rule)",
                        "payout.action.required carries {\"payout\":…}")
                .build();
    }

    /**
     * Every attempt is an event of its own ({@code id} = the attempt's {@code whe-} id) carrying
     * {@code deliveryAttempt}, {@code timestampSent} (inside the signed body) and {@code retryOf}
     * (the previous attempt) from the second attempt on. Receivers deduplicate on the first id.
     * All bodies are compact JSON, as Dfns requires.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", attempt.attemptId());
        body.put("kind", event.type());
        body.put("date", Bodies.JS_ISO.format(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        body.put("timestampSent", attempt.sentAt().getEpochSecond());
        body.put("deliveryAttempt", attempt.number());
        if (attempt.previousAttemptId() != null) {
            body.put("retryOf", attempt.previousAttemptId());
        }
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE), null, attempt, attempt.firstAttemptId());
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
    static String data(Profile p, String type, String key, String id, Instant at, RandomGenerator r) {
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
        return JSON.writeValueAsString(root);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(7)) {
            case 0 -> List.of(new Step("wallet.created", "wallet"), new Step("wallet.activated", "wallet"),
                    new Step("wallet.tags.modified", "wallet"));
            case 1, 2 -> List.of(new Step("wallet.transfer.requested", "transferRequest"),
                    new Step("wallet.transfer.broadcasted", "transferRequest"),
                    new Step(r.nextInt(8) == 0 ? "wallet.transfer.failed" : "wallet.transfer.confirmed", "transferRequest"));
            case 3 -> List.of(new Step("wallet.transaction.requested", "transactionRequest"),
                    new Step("wallet.transaction.broadcasted", "transactionRequest"),
                    new Step(r.nextInt(8) == 0 ? "wallet.transaction.rejected" : "wallet.transaction.confirmed",
                            "transactionRequest"));
            case 4 -> List.of(new Step("wallet.signature.requested", "signatureRequest"),
                    new Step(r.nextInt(10) == 0 ? "wallet.signature.failed" : "wallet.signature.signed", "signatureRequest"));
            case 5 -> List.of(new Step("policy.triggered", "policyEvaluation"), new Step("policy.approval.pending", "approval"),
                    new Step("policy.approval.resolved", "approval"));
            default -> r.nextBoolean() ? List.of(new Step("wallet.blockchainevent.detected", "blockchainEvent"))
                    : List.of(new Step("key.created", "key"));
        };
    }
}
