package dev.hookcheck.core.profile;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built-in provider profiles. Facts and their sources are in the README's profile table;
 * anything the provider does not publish is listed in {@link Profile#assumptions()}.
 */
public final class Profiles {
    /** The profile used when none is named. */
    public static final String DEFAULT = "standard";

    /**
     * {@code whsec_} and base64 (HMAC, {@code v1}), or {@code whsk_} and the base64 of a 32-byte Ed25519
     * signing key ({@code v1a}): what {@link SignatureSchemes#standardWebhooks()} signs with.
     */
    private static final SecretFormat STANDARD_SECRET = new SecretFormat(
            "whsec_ followed by base64 (or whsk_ followed by a base64 Ed25519 signing key)",
            Pattern.compile("whsec_" + SecretFormat.BASE64 + "|whsk_[A-Za-z0-9+/]{43}=?"),
            "the sender shows it with the endpoint (Svix: the endpoint's Signing Secret in the dashboard)");

    private static final Map<String, Profile> BUILT_IN = new LinkedHashMap<>();

    static {
        Stream.of(standard(), vitable(), dfns(), preo(), stripe(), github()).forEach(p -> BUILT_IN.put(p.name(), p));
    }

    private Profiles() {}

    public static List<Profile> all() {
        return List.copyOf(BUILT_IN.values());
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    public static Optional<Profile> find(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** The named profile, or an error that lists the known names. */
    public static Profile get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown profile '" + name + "'; known profiles: " + String.join(", ", names())));
    }

    public static Profile defaultProfile() {
        return get(DEFAULT);
    }

    /** Standard Webhooks 1.0, also what Svix sends. */
    private static Profile standard() {
        return new Profile("standard", "Standard Webhooks", SignatureSchemes.standardWebhooks(), STANDARD_SECRET,
                SuccessRule.ANY_2XX,
                // documented example schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (+ jitter)
                new RetryPolicy(List.of(ofSeconds(5), ofMinutes(5), ofMinutes(30), ofHours(2), ofHours(5), ofHours(10),
                        ofHours(14), ofHours(20), ofHours(24)), 0.1),
                OptionalInt.empty(), ofSeconds(15), DeliveryRules.STANDARD_WEBHOOKS,
                new EventCatalog(List.of(
                        new EventType("invoice.created", "invoice"), new EventType("invoice.paid", "invoice"),
                        new EventType("customer.created", "customer"), new EventType("customer.updated", "customer"),
                        new EventType("payment.succeeded", "payment"), new EventType("payment.failed", "payment"),
                        new EventType("subscription.created", "subscription"),
                        new EventType("subscription.canceled", "subscription")),
                        List.of("invoice", "customer", "payment", "subscription")),
                new Ids(IdFormat.of("msg_", IdFormat.BASE62, 27), IdFormat.of("atmpt_", IdFormat.BASE62, 27),
                        IdFormat.of("ep_", IdFormat.BASE62, 27), IdFormat.of("org_", IdFormat.BASE62, 27),
                        Map.of("invoice", IdFormat.of("inv_", IdFormat.BASE62, 14),
                                "customer", IdFormat.of("cus_", IdFormat.BASE62, 14),
                                "payment", IdFormat.of("pay_", IdFormat.BASE62, 14),
                                "subscription", IdFormat.of("sub_", IdFormat.BASE62, 14))),
                Payloads::standard, Examples::standard, "the webhook-id header (stable across retries)",
                List.of("event types are examples: Standard Webhooks leaves them to each sender",
                        "jitter shortens each retry delay by up to 10 %"));
    }

    /** Vitable Connect (health benefits). */
    private static Profile vitable() {
        List<Duration> delays = new ArrayList<>();
        for (int minutes = 1; minutes <= 1024; minutes *= 2) {
            delays.add(ofMinutes(minutes)); // 1, 2, 4 … 1024 min
        }
        delays.add(ofHours(24));
        delays.add(ofHours(24)); // 14 attempts over ~3.42 days, longest gap 24 h
        return new Profile("vitable", "Vitable Connect", SignatureSchemes.declarative(SignatureSchemes.VITABLE),
                SecretFormat.text("the secret text exactly as Vitable sent it", "Vitable hands it out when it"
                        + " registers your webhook URL (there is no API for it; the sandbox prints its own)"),
                SuccessRule.ANY_2XX, new RetryPolicy(delays, 0.1), OptionalInt.of(25), ofSeconds(30), DeliveryRules.PLAIN,
                new EventCatalog(List.of(
                        new EventType("employer.eligibility_policy_created", "employer"),
                        new EventType("employee.eligibility_granted", "employee"),
                        new EventType("enrollment.started", "enrollment"),
                        new EventType("enrollment.elected", "enrollment"),
                        new EventType("enrollment.granted", "enrollment"),
                        new EventType("enrollment.accepted", "enrollment"),
                        new EventType("enrollment.waived", "enrollment"),
                        new EventType("employee.deduction_created", "employee"),
                        // renamed on 2026-03-25; the API reference still lists the old name
                        new EventType("payroll_deduction.created", "payroll_deduction", "employee.deduction_created"),
                        new EventType("employee.eligibility_terminated", "employee"),
                        new EventType("enrollment.terminated", "enrollment"),
                        new EventType("employee.deactivated", "employee")),
                        List.of("enrollment", "employee", "employer", "dependent", "plan_year", "payroll_deduction")),
                new Ids(vitableId("wevt_"), vitableId("wdlv_"), vitableId("wsub_"), vitableId("org_"),
                        Map.of("enrollment", vitableId("enrl_"), "employee", vitableId("empl_"),
                                "employer", vitableId("empr_"), "dependent", vitableId("dep_"),
                                "plan_year", vitableId("plyr_"), "payroll_deduction", vitableId("pded_"),
                                "eligibility_policy", vitableId("epol_"))),
                Payloads::vitable, Examples::vitable, "event_id in the body",
                List.of("the exact retry gaps are derived: 1, 2, 4 … 1024 min then two 24 h gaps (about 3.42 days)",
                        "jitter shortens each retry delay by up to 10 %",
                        "the receiver timeout (30 s) is not published",
                        "ids after the prefix are 16 lower-case letters and digits",
                        "dependent, plan year and payroll deduction id prefixes (dep_, plyr_, pded_)"));
    }

    private static IdFormat vitableId(String prefix) {
        return IdFormat.of(prefix, IdFormat.LOWER_ALNUM, 16);
    }

    /** Dfns (wallet infrastructure). */
    private static Profile dfns() {
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
        return new Profile("dfns", "Dfns", SignatureSchemes.declarative(SignatureSchemes.DFNS),
                SecretFormat.text("the webhook's secret text exactly as Dfns returned it", "Dfns returns it once, as"
                        + " secret, in its answer to the POST /webhooks that created the webhook"),
                SuccessRule.EXACTLY_200,
                // attempts at +1 min, +12 min, +2 h and +1 day after the first
                new RetryPolicy(List.of(ofMinutes(1), ofMinutes(11), ofMinutes(108), ofHours(22)), 0),
                OptionalInt.empty(), ofSeconds(10), DeliveryRules.DFNS,
                new EventCatalog(kinds, List.of("wallet", "transferRequest", "transactionRequest", "signatureRequest",
                        "blockchainEvent", "policyEvaluation", "approval", "key", "payout")),
                new Ids(IdFormat.dfns("whe-"), IdFormat.dfns("whe-"), IdFormat.dfns("wh-"), IdFormat.dfns("or-"),
                        Map.of("wallet", IdFormat.dfns("wa-"), "transferRequest", IdFormat.dfns("xfr-"),
                                "transactionRequest", IdFormat.dfns("tx-"), "signatureRequest", IdFormat.dfns("sig-"),
                                "policyEvaluation", IdFormat.dfns("plce-"), "approval", IdFormat.dfns("ap-"),
                                "blockchainEvent", IdFormat.dfns("wbe-"), "key", IdFormat.dfns("key-"),
                                "payout", IdFormat.dfns("po-"), "policy", IdFormat.dfns("plc-"))),
                Payloads::dfns, Examples::dfns, "the first attempt's id (later attempts point back through retryOf)",
                List.of("the receiver timeout (10 s) is not published",
                        "organization, approval, blockchain event and payout id prefixes (or-, ap-, wbe-, po-)",
                        "wallet.offer.* events carry {\"wallet\":…} (the documented wallet.* rule)",
                        "payout.action.required carries {\"payout\":…}"));
    }

    /** Preo (event ticketing). Much of it is unpublished: see {@link Profile#assumptions()}. */
    private static Profile preo() {
        return new Profile("preo", "Preo", SignatureSchemes.declarative(SignatureSchemes.PREO),
                SecretFormat.text("the endpoint's secret text exactly as Preo returned it", "Preo returns it as"
                        + " secret when the endpoint is created (POST /api/management/webhooks/) or its secret rotated"
                        + " (POST /api/management/webhooks/{id}/rotate-secret/)"),
                SuccessRule.ANY_2XX,
                new RetryPolicy(List.of(ofMinutes(1), ofMinutes(5), ofMinutes(30), ofHours(2), ofHours(6)), 0),
                OptionalInt.empty(), ofSeconds(10), DeliveryRules.PLAIN,
                new EventCatalog(List.of(
                        new EventType("order.created", "order"), new EventType("order.updated", "order"),
                        new EventType("order.refunded", "order"), new EventType("purchase.created", "purchase"),
                        new EventType("purchase.cancelled", "purchase"), new EventType("edition.published", "edition"),
                        new EventType("edition.updated", "edition"), new EventType("pass.issued", "pass"),
                        new EventType("refund.created", "refund")),
                        List.of("order", "purchase", "edition", "pass", "refund")),
                new Ids(IdFormat.of("evt_", IdFormat.CROCKFORD, 26), IdFormat.guid(), IdFormat.guid(), IdFormat.guid(),
                        Map.of("order", IdFormat.of("ord_", IdFormat.CROCKFORD, 12),
                                "purchase", IdFormat.of("pur_", IdFormat.CROCKFORD, 12),
                                "edition", IdFormat.of("edi_", IdFormat.CROCKFORD, 12),
                                "pass", IdFormat.of("pas_", IdFormat.CROCKFORD, 12),
                                "refund", IdFormat.of("ref_", IdFormat.CROCKFORD, 12))),
                Payloads::preo, Examples::preo, "id in the body",
                List.of("signature header X-Preo-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"{t}.{body}\">, 300 s",
                        "delivered body {\"id\",\"event\",\"created\",\"data\"}",
                        "event names (order.*, purchase.*, edition.*, pass.issued, refund.created)",
                        "retry schedule 1 min, 5 min, 30 min, 2 h, 6 h, then exhausted",
                        "API paths under /api/management/ and Bearer auth",
                        "ids: evt_ + 26 Crockford base32 for events, GUIDs for endpoints and deliveries",
                        "default timeout_seconds 10"));
    }

    /** Stripe (extra). */
    private static Profile stripe() {
        return new Profile("stripe", "Stripe", SignatureSchemes.declarative(SignatureSchemes.STRIPE),
                new SecretFormat("whsec_ followed by letters and digits", Pattern.compile("whsec_\\w+"),
                        "the Stripe Dashboard shows it with the endpoint (Workbench, Webhooks, your destination,"
                        + " Reveal secret); stripe listen --print-secret prints the CLI's"),
                SuccessRule.ANY_2XX,
                new RetryPolicy(List.of(ofHours(1), ofHours(2), ofHours(4), ofHours(8), ofHours(16), ofHours(24),
                        ofHours(17)), 0.1),
                OptionalInt.empty(), ofSeconds(20), DeliveryRules.PLAIN,
                new EventCatalog(List.of(
                        new EventType("payment_intent.succeeded", "payment_intent"),
                        new EventType("payment_intent.payment_failed", "payment_intent"),
                        new EventType("charge.succeeded", "charge"), new EventType("charge.refunded", "charge"),
                        new EventType("customer.created", "customer"),
                        new EventType("customer.subscription.created", "subscription"),
                        new EventType("customer.subscription.deleted", "subscription"),
                        new EventType("invoice.paid", "invoice"), new EventType("invoice.payment_failed", "invoice"),
                        new EventType("checkout.session.completed", "checkout_session")),
                        List.of("payment_intent", "charge", "customer", "subscription", "invoice", "checkout_session")),
                new Ids(IdFormat.of("evt_", IdFormat.BASE62, 24), IdFormat.of("whdl_", IdFormat.BASE62, 24),
                        IdFormat.of("we_", IdFormat.BASE62, 24), IdFormat.of("acct_", IdFormat.BASE62, 16),
                        Map.of("payment_intent", IdFormat.of("pi_", IdFormat.BASE62, 24),
                                "charge", IdFormat.of("ch_", IdFormat.BASE62, 24),
                                "customer", IdFormat.of("cus_", IdFormat.BASE62, 14),
                                "subscription", IdFormat.of("sub_", IdFormat.BASE62, 24),
                                "invoice", IdFormat.of("in_", IdFormat.BASE62, 24),
                                "checkout_session", IdFormat.of("cs_", IdFormat.BASE62, 24))),
                Payloads::stripe, Examples::stripe, "id in the body (evt_…)",
                List.of("retry gaps 1, 2, 4, 8, 16, 24, 17 h (Stripe documents only: up to 3 days, exponential)",
                        "the receiver timeout (20 s)"));
    }

    /** GitHub (extra): no timestamp, no automatic retries. */
    private static Profile github() {
        return new Profile("github", "GitHub", SignatureSchemes.declarative(SignatureSchemes.GITHUB),
                SecretFormat.text("the text typed into the webhook's Secret field", "it is the webhook's Secret in the"
                        + " repository's or organization's Settings, Webhooks, Edit; GitHub never shows it again, so set a"
                        + " new one there if it is lost"),
                SuccessRule.ANY_2XX, RetryPolicy.none(), OptionalInt.empty(), ofSeconds(10), DeliveryRules.PLAIN,
                new EventCatalog(List.of(
                        EventType.system("ping", "hook"), new EventType("push", "repository"),
                        new EventType("pull_request", "pull_request"), new EventType("issues", "issue"),
                        new EventType("issue_comment", "issue"), new EventType("release", "release"),
                        new EventType("workflow_run", "workflow_run"), new EventType("star", "repository")),
                        List.of("hook", "repository", "pull_request", "issue", "release", "workflow_run")),
                new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("", "0123456789", 9),
                        IdFormat.of("", "0123456789", 8),
                        Map.of("hook", IdFormat.of("", "0123456789", 9),
                                "repository", IdFormat.of("", "0123456789", 9),
                                "pull_request", IdFormat.of("", "0123456789", 10),
                                "issue", IdFormat.of("", "0123456789", 10),
                                "release", IdFormat.of("", "0123456789", 9),
                                "workflow_run", IdFormat.of("", "0123456789", 10))),
                Payloads::github, Examples::github, "the X-GitHub-Delivery header",
                List.of("event and resource ids are numeric, as GitHub's are"));
    }
}
