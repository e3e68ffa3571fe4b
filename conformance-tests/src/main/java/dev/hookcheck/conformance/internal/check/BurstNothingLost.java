package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IDM-005: deduplication must not swallow distinct events, and a busy receiver must not drop any. */
final class BurstNothingLost extends Check {
    static final int EVENTS = 10;

    BurstNothingLost() {
        super("IDM-005", Category.IDEMPOTENCY, "processes every event of a burst exactly once",
                EVENTS + " distinct events of the types the receiver processes, all sent at the same moment",
                "2xx for each, and each event processed exactly once",
                "acknowledge an event only once it is stored (or processed), and deduplicate on the event's own"
                        + " idempotency key so that distinct events never collide.",
                "Bursts happen (backfills, batch jobs); an event acknowledged and then dropped is lost, the"
                        + " provider will not send it again.");
    }

    @Override
    public boolean needsProbe() {
        return true;
    }

    @Override
    public void run(Session session) {
        List<Delivery> burst = new ArrayList<>();
        for (Event event : session.events(EVENTS)) {
            burst.add(session.deliver(event, session.attempt(event, session.now())));
        }
        List<Exchange> answers = session.sendAll(burst);
        for (Exchange answer : answers) {
            session.expectAccepted(answer, "for each of " + EVENTS + " events sent at once");
        }
        Map<String, Integer> once = new LinkedHashMap<>();
        burst.forEach(delivery -> once.put(delivery.key(), 1));
        session.expectProcessed(once, answers.get(0), "after a burst of " + EVENTS);
    }
}
