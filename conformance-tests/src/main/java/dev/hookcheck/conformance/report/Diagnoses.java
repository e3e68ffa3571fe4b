package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diagnosis catalog: which pattern of failed (and passed) checks points to which root cause. The
 * rules are data, most specific first; a failed check is claimed by the first rule that applies and
 * belongs to no other. Only failures the receiver's behaviour decided ({@code cause checked}) count.
 * The detection matrix's flawed reference receivers are their test: each gets the diagnosis of its flaw.
 */
final class Diagnoses {
    /**
     * @param failing checks that must all have failed (and not been claimed yet)
     * @param passing checks that must all have passed (and have run)
     * @param members the checks the diagnosis claims when they failed, {@code failing} among them
     * @param atLeast how many of its members must have failed for the diagnosis to hold
     */
    record Rule(String id, String title, String fix, Set<String> failing, Set<String> passing, List<String> members,
            int atLeast) {
        Rule {
            failing = Set.copyOf(failing);
            passing = Set.copyOf(passing);
            members = List.copyOf(members);
            if (!members.containsAll(failing)) {
                throw new IllegalArgumentException(id + ": the checks that must fail are members too");
            }
        }
    }

    /** Every check that needs a correctly signed delivery accepted: all fail when the receiver's key is wrong. */
    private static final List<String> ACCEPTING = List.of("SIG-001", "SIG-007", "SIG-012", "SIG-014", "SIG-015",
            "SIG-016", "RPL-002", "RPL-006", "IDM-001", "IDM-002", "IDM-004", "IDM-005", "IDM-006", "IDM-007",
            "IDM-008", "ROB-001", "ROB-004", "CON-001", "CON-002", "CON-003");

    static final List<Rule> CATALOG = List.of(
            new Rule("secret-mismatch", "secret mismatch: every correctly signed delivery is refused",
                    "make the receiver verify with the secret Hookcheck signs with (--secret), keyed as the provider"
                            + " keys it: Standard Webhooks takes the base64-decoded bytes after whsec_, the other"
                            + " providers the secret's text; then run SIG-001 alone again",
                    Set.of("SIG-001"), Set.of(), ACCEPTING, 3),
            new Rule("no-signature-verification",
                    "does not verify signatures at all: unsigned, forged and altered deliveries are accepted",
                    "verify the signature header over the raw body with your secret before doing anything with a"
                            + " delivery, and answer 401 when it is missing or does not match",
                    Set.of("SIG-002", "SIG-005", "SIG-006"), Set.of("SIG-001"),
                    List.of("SIG-002", "SIG-003", "SIG-004", "SIG-005", "SIG-006", "SIG-007", "SIG-008", "SIG-009",
                            "SIG-010", "SIG-011", "SIG-013", "RPL-001", "RPL-003", "RPL-004", "RPL-005", "IDM-003"),
                    3),
            new Rule("unreadable-signature-skipped",
                    "skips verification when the signature header is missing or cannot be parsed",
                    "treat a missing, empty or unparsable signature header as a failed verification (401), never as"
                            + " nothing to verify",
                    Set.of(), Set.of("SIG-005"), List.of("SIG-002", "SIG-003", "SIG-004"), 2),
            new Rule("no-replay-window", "no replay window: the signed timestamp is never checked",
                    "refuse a delivery whose signed timestamp, read as unix seconds, is further from your clock than"
                            + " the provider's tolerance in either direction (|now - timestamp| > tolerance)",
                    Set.of("RPL-001", "RPL-003"), Set.of(), List.of("RPL-001", "RPL-003", "RPL-004"), 2),
            new Rule("future-timestamps-accepted", "accepts timestamps from the future: only their age is checked",
                    "compare the absolute distance |now - timestamp| with the tolerance, so that a timestamp far"
                            + " ahead (or one written in milliseconds) is refused too",
                    Set.of("RPL-003"), Set.of("RPL-001"), List.of("RPL-003", "RPL-004"), 2),
            new Rule("partial-signature-comparison", "compares signatures only in part (up to a length, or a prefix)",
                    "decode the received signature, require exactly the expected length, and compare all of it in"
                            + " constant time (MessageDigest.isEqual, hmac.compare_digest, crypto.timingSafeEqual)",
                    Set.of(), Set.of(), List.of("SIG-008", "SIG-009"), 2),
            new Rule("version-label-ignored", "ignores the signature's version label",
                    "accept only signatures under the label the provider signs with (v1, sha256=, ...) and ignore"
                            + " entries under any other",
                    Set.of("SIG-010"), Set.of(), List.of("SIG-010", "SIG-011"), 2),
            new Rule("several-signatures-trusted", "lets a header with several signatures through unverified",
                    "with several signatures, verify each one and accept only when one of them matches your secret",
                    Set.of("SIG-013"), Set.of(), List.of("SIG-011", "SIG-013"), 2),
            new Rule("id-claimed-before-verifying", "marks an event id as seen before verifying the signature",
                    "record the idempotency key only once the signature verified, in the same step that processes or"
                            + " enqueues the event",
                    Set.of("IDM-008"), Set.of(), List.of("SIG-007", "IDM-008"), 2),
            new Rule("retries-processed-twice", "processes retries twice: nothing deduplicates on the event id",
                    "record the idempotency key of every processed event atomically (a unique constraint, in the"
                            + " transaction that does the work) and skip an event already processed, still answering"
                            + " 2xx",
                    Set.of("RPL-006", "IDM-001"), Set.of(), List.of("RPL-006", "IDM-001", "IDM-002", "IDM-004"), 2),
            new Rule("duplicates-refused", "answers a verified duplicate with an error, so the provider retries it",
                    "answer 2xx to a delivery of an event you have already processed; a 4xx or 5xx makes the provider"
                            + " retry it, and in the end disable the endpoint",
                    Set.of("IDM-001", "IDM-004"), Set.of("RPL-006"), List.of("IDM-001", "IDM-004"), 2),
            new Rule("redirects", "redirects instead of answering: a redirect is a failed delivery",
                    "answer the delivery itself with 2xx (Dfns: exactly 200); never redirect a webhook request",
                    Set.of("CON-002"), Set.of(), List.of("CON-001", "CON-002"), 2),
            new Rule("body-not-raw", "verifies a re-serialized or re-decoded body, not the raw bytes received",
                    "compute the signature over the request body's raw bytes, read before any JSON parsing or"
                            + " charset decoding (express.raw, request.get_data(), a byte[] @RequestBody)",
                    Set.of(), Set.of(), List.of("SIG-015", "SIG-016"), 1));

    private Diagnoses() {}

    /** The diagnoses that hold for these results, in catalog order, each with the failed checks it claims. */
    static List<Diagnosis> of(List<CheckResult> results) {
        Map<String, CheckResult> failed = new LinkedHashMap<>();
        Set<String> passed = new HashSet<>();
        for (CheckResult result : results) {
            if (result.failed() && result.cause() == CheckResult.Cause.CHECKED) {
                failed.put(result.id(), result);
            } else if (result.passed()) {
                passed.add(result.id());
            }
        }
        List<Diagnosis> found = new ArrayList<>();
        for (Rule rule : CATALOG) {
            if (!failed.keySet().containsAll(rule.failing()) || !passed.containsAll(rule.passing())) {
                continue;
            }
            List<String> claimed = rule.members().stream().filter(failed::containsKey).toList();
            if (claimed.size() < rule.atLeast()) {
                continue;
            }
            List<CheckResult> checks = results.stream().filter(r -> claimed.contains(r.id()) && failed.containsKey(r.id()))
                    .toList();
            claimed.forEach(failed::remove);
            found.add(new Diagnosis(rule.id(), rule.title(), rule.fix(), checks));
        }
        return List.copyOf(found);
    }
}
