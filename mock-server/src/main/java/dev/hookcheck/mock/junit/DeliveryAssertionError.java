package dev.hookcheck.mock.junit;

import java.io.Serial;
import java.time.Duration;
import java.util.List;

/**
 * The deliveries a test waited for did not come in time. A test failure (an {@link AssertionError}),
 * whose message lists every delivery the provider did send meanwhile.
 */
public final class DeliveryAssertionError extends AssertionError {
    @Serial
    private static final long serialVersionUID = 1L;

    DeliveryAssertionError(String expected, Duration timeout, List<RecordedDelivery> seen) {
        super(message(expected, timeout, seen));
    }

    private static String message(String expected, Duration timeout, List<RecordedDelivery> seen) {
        StringBuilder text = new StringBuilder("expected ").append(expected).append(" within ")
                .append(timeout.toMillis()).append(" ms, saw ");
        if (seen.isEmpty()) {
            return text.append("no delivery at all: is a receiver registered for the event's profile and type,")
                    .append(" and was an event triggered?").toString();
        }
        text.append(seen.size()).append(seen.size() == 1 ? " delivery:" : " deliveries:");
        seen.forEach(d -> text.append("\n  ").append(d.summary()));
        return text.toString();
    }
}
