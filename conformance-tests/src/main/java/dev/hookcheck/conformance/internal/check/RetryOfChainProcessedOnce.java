package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDM-004: Dfns gives every attempt a new id and points back with {@code retryOf}. Deduplicating
 * on the attempt's own id processes every retry as a new event.
 */
final class RetryOfChainProcessedOnce extends Check {
    RetryOfChainProcessedOnce() {
        super("IDM-004", Category.IDEMPOTENCY, "processes a retry with a new id and retryOf once",
                "three attempts of one event: the first, a retry with a new id and retryOf the first, and a retry of"
                        + " the retry",
                "2xx for each, and the event processed once, under the first attempt's id",
                "deduplicate on the first attempt's id: follow retryOf back (remember each attempt id's first id) and"
                        + " skip the event when that id was processed.",
                "Dfns retries carry a new id and point back with retryOf; deduplicating on the attempt id"
                        + " processes every retry again.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return receiver.profile().rules().attemptsAreEvents() ? Level.required()
                : Level.notApplicable(receiver.profile().displayName() + " keeps one id across retries (IDM-001)");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Event event = session.event();
        Attempt first = session.attempt(event, session.now() - 2);
        Attempt second = session.retry(first, session.now() - 1);
        Attempt third = session.retry(second, session.now());
        Exchange last = null;
        for (Attempt attempt : List.of(first, second, third)) {
            last = session.send(session.deliver(event, attempt));
            session.expectAccepted(last, "for attempt " + attempt.number());
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(first.attemptId(), 1);
        expected.put(second.attemptId(), 0);
        expected.put(third.attemptId(), 0);
        session.expectProcessed(expected, last, "the first attempt's id processed once and each retry's own id"
                + " never, after 3 attempts");
    }
}
