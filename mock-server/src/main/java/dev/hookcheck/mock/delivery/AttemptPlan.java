package dev.hookcheck.mock.delivery;

import dev.hookcheck.core.event.SignedWebhook;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What failure injection does to one attempt. {@link #NONE} leaves it alone.
 *
 * @param label what was done on purpose, shown on the recorded attempt ({@code null}: nothing)
 * @param delay hold the attempt back this long before sending (once per attempt)
 * @param drop never send it; the delivery fails and the event stays listed for reconciliation
 * @param copies how many times the same request is sent (1 = once)
 * @param concurrentCopies send the copies at the same time rather than one after another
 * @param lostAck count the receiver's success as a failure, so the attempt is retried
 * @param mutation changes the signed request before it is sent (attacks: stale timestamp, bad
 *     signature, tampered body…)
 */
public record AttemptPlan(String label, Duration delay, boolean drop, int copies, boolean concurrentCopies,
        boolean lostAck, UnaryOperator<SignedWebhook> mutation) {

    public static final AttemptPlan NONE = new AttemptPlan(null, Duration.ZERO, false, 1, false, false, UnaryOperator.identity());

    public AttemptPlan {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(mutation, "mutation");
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, got " + copies);
        }
    }
}
