package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * IDM-002: a retry can arrive while the first attempt is still being processed. "Check, then
 * insert" without a lock or a unique constraint processes both.
 */
final class ConcurrentDuplicatesProcessedOnce extends Check {
    static final int COPIES = 8;

    ConcurrentDuplicatesProcessedOnce() {
        super("IDM-002", Category.IDEMPOTENCY, "processes concurrent duplicates once",
                COPIES + " deliveries of one event (two timestamps a second apart, so two signatures), all sent at the same moment",
                "at least one 2xx, and the event processed once",
                "claim the idempotency key atomically before processing (INSERT … ON CONFLICT DO NOTHING, a unique"
                        + " index, SETNX, putIfAbsent), not with a separate check and insert.",
                "A retry and its original can arrive at the same moment; a check-then-insert lets both through.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        Event event = session.event();
        Attempt attempt = session.attempt(event, session.now());
        List<Delivery> copies = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            copies.add(session.deliver(event, session.resent(attempt, session.now() - i % 2)));
        }
        List<Exchange> answers = session.sendAll(copies);
        Exchange first = answers.get(0);
        if (answers.stream().noneMatch(Exchange::accepted)) {
            throw session.fail(first, "2xx for at least one of " + COPIES + " concurrent copies", first.describe());
        }
        session.expectProcessed(copies.get(0).key(), 1, first, "after " + COPIES + " concurrent copies");
    }
}
