package dev.hookcheck.mock.internal.seed;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The event sequences each profile's seeded history is made of: a flow is one resource's story
 * (an employee's enrollment, a transfer, an order), its steps the event names in order. Where a flow
 * branches (accepted or waived, confirmed or failed), one branch is drawn.
 */
final class Flows {
    /** One step: an event name, about the flow's resource unless {@code resourceType} says otherwise. */
    record Step(String type, String resourceType) {}

    private Flows() {}

    static List<Step> draw(String profile, RandomGenerator random) {
        return switch (profile) {
            case "vitable" -> vitable(random);
            case "dfns" -> dfns(random);
            case "preo" -> preo(random);
            case "stripe" -> stripe(random);
            case "github" -> github(random);
            default -> standard(random);
        };
    }

    /**
     * Policy → eligibility → enrollment started → elected + accepted (or waived) → monthly deductions
     * → sometimes termination. Deductions before 2026-03-25 carry the old event name; the seeder
     * renames them by date.
     */
    private static List<Step> vitable(RandomGenerator r) {
        if (r.nextInt(12) == 0) {
            return List.of(new Step("employer.eligibility_policy_created", "employer"));
        }
        var steps = new java.util.ArrayList<Step>();
        steps.add(new Step("employee.eligibility_granted", "employee"));
        steps.add(new Step("enrollment.started", "enrollment"));
        if (r.nextInt(5) == 0) {
            steps.add(new Step("enrollment.waived", "enrollment"));
            return steps;
        }
        steps.add(new Step("enrollment.elected", "enrollment"));
        steps.add(new Step(r.nextInt(6) == 0 ? "enrollment.granted" : "enrollment.accepted", "enrollment"));
        int deductions = 1 + r.nextInt(2);
        for (int i = 0; i < deductions; i++) {
            steps.add(new Step("employee.deduction_created", "employee"));
        }
        if (r.nextInt(6) == 0) {
            steps.add(new Step("employee.eligibility_terminated", "employee"));
            steps.add(new Step("enrollment.terminated", "enrollment"));
            steps.add(new Step("employee.deactivated", "employee"));
        }
        return steps;
    }

    private static List<Step> dfns(RandomGenerator r) {
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

    /** Assumed event names (Preo publishes none): orders, purchases, passes, refunds, editions. */
    private static List<Step> preo(RandomGenerator r) {
        return switch (r.nextInt(5)) {
            case 0 -> List.of(new Step("edition.published", "edition"), new Step("edition.updated", "edition"));
            case 1 -> List.of(new Step("order.created", "order"), new Step("order.refunded", "order"),
                    new Step("refund.created", "refund"));
            case 2 -> List.of(new Step("purchase.created", "purchase"), new Step("purchase.cancelled", "purchase"));
            default -> List.of(new Step("order.created", "order"), new Step("purchase.created", "purchase"),
                    new Step("pass.issued", "pass"), new Step("order.updated", "order"));
        };
    }

    private static List<Step> standard(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("customer.created", "customer"), new Step("customer.updated", "customer"));
            case 1 -> List.of(new Step("subscription.created", "subscription"), new Step("subscription.canceled", "subscription"));
            case 2 -> List.of(new Step(r.nextInt(6) == 0 ? "payment.failed" : "payment.succeeded", "payment"));
            default -> List.of(new Step("invoice.created", "invoice"), new Step("invoice.paid", "invoice"));
        };
    }

    private static List<Step> stripe(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("customer.created", "customer"), new Step("customer.subscription.created", "subscription"));
            case 1 -> List.of(new Step("checkout.session.completed", "checkout_session"));
            case 2 -> List.of(new Step("payment_intent.succeeded", "payment_intent"), new Step("charge.succeeded", "charge"),
                    new Step("charge.refunded", "charge"));
            default -> List.of(new Step("invoice.paid", "invoice"));
        };
    }

    private static List<Step> github(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("push", "repository"));
            case 1 -> List.of(new Step("pull_request", "pull_request"), new Step("pull_request", "pull_request"));
            case 2 -> List.of(new Step("issues", "issue"), new Step("issue_comment", "issue"));
            default -> List.of(new Step("workflow_run", "workflow_run"));
        };
    }
}
