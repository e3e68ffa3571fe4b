package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import java.time.Duration;

/** ROB-003: a provider that waits in vain counts a failure and retries, however well the work went. */
final class AnswersInTime extends Check {
    AnswersInTime() {
        super("ROB-003", Category.ROBUSTNESS, "answers within the provider's timeout",
                "a correctly signed delivery of a new event, waiting no longer than the latency bound (by default the"
                        + " provider's timeout)",
                "an answer within the bound",
                "acknowledge quickly: store the event and answer, then do the slow work in the background (a queue,"
                        + " a job).",
                "A slow answer is a timeout for the provider: it counts the delivery as failed and sends it"
                        + " again while you process it anyway.");
    }

    @Override
    public void run(Session session) {
        Duration bound = session.receiver().latencyBound();
        Exchange exchange = session.send(session.delivery(), bound);
        if (!exchange.answered() || exchange.elapsedMs() > bound.toMillis()) {
            throw session.fail(exchange, "an answer within " + bound.toMillis() + " ms",
                    exchange.answered() ? exchange.status() + " after " + exchange.elapsedMs() + " ms"
                            : exchange.describe());
        }
    }
}
