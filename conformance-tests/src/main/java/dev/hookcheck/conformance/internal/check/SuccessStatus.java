package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.profile.SuccessRule;

/** CON-001: Dfns counts only exactly 200 as delivered; 201 and 204 are retried as failures. */
final class SuccessStatus extends Check {
    SuccessStatus() {
        super("CON-001", Category.DELIVERY_CONTRACT, "answers a delivery with a status the provider counts as success",
                "a correctly signed delivery of a new event",
                "the provider's success status: any 2xx, or exactly 200 for Dfns",
                "answer a processed (or already processed) delivery with 200; some providers retry 201, 204 and every"
                        + " 3xx as failures.",
                "Your status code tells the provider whether to retry; one it does not count as success means"
                        + " retries of processed events.");
    }

    @Override
    public void run(Session session) {
        Exchange exchange = session.send(session.delivery());
        SuccessRule rule = session.profile().successRule();
        if (!exchange.answered() || !rule.isSuccess(exchange.status())) {
            throw session.fail(exchange, (rule == SuccessRule.EXACTLY_200 ? "exactly 200" : "2xx")
                    + " for a correctly signed delivery (" + session.profile().displayName()
                    + " counts anything else as a failed delivery)", exchange.describe());
        }
    }
}
