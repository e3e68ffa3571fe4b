package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.SignedWebhook;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What failure injection does to one attempt. {@link #NONE} leaves it alone.
 *
 * @param label what was done on purpose, shown on the recorded attempt ({@code null}: nothing); the
 *     engine adds {@code duplicate n of m} to it for copies
 * @param delay hold the attempt back this long before sending (once per attempt)
 * @param drop never send it; the delivery fails and the event stays listed for reconciliation
 * @param copies how many times the same request is sent (1 = once)
 * @param concurrentCopies send the copies at the same time rather than one after another
 * @param lostAck count the receiver's success as a failure, so the attempt is retried
 * @param timestampShift sign as if sent this much later (negative: earlier): the profile builds and
 *     signs the request for that instant (Dfns: {@code timestampSent} in the body)
 * @param signingSecrets sign with these instead of the endpoint's secrets (a bad signature), or null
 * @param mutation changes the signed request before it is sent (tampered body, missing signature)
 */
public record AttemptPlan(String label, Duration delay, boolean drop, int copies, boolean concurrentCopies,
        boolean lostAck, Duration timestampShift, List<Secret> signingSecrets, UnaryOperator<SignedWebhook> mutation) {

    public static final AttemptPlan NONE = new AttemptPlan(null, Duration.ZERO, false, 1, false, false, Duration.ZERO, null,
            UnaryOperator.identity());

    public AttemptPlan {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(timestampShift, "timestampShift");
        Objects.requireNonNull(mutation, "mutation");
        signingSecrets = signingSecrets == null ? null : List.copyOf(signingSecrets);
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, got " + copies);
        }
    }
}
