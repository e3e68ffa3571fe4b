package dev.hookcheck.conformance.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Exchange;
import dev.hookcheck.conformance.internal.Session;
import java.util.ArrayList;
import java.util.List;

/** IDM-005: deduplication must not swallow distinct events, and a busy receiver must not drop any. */
public final class BurstNothingLost extends Check {
    static final int EVENTS = 10;

    public BurstNothingLost() {
        super("IDM-005", Category.IDEMPOTENCY, "processes every event of a burst exactly once",
                EVENTS + " distinct events, all sent at the same moment",
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
        for (int i = 0; i < EVENTS; i++) {
            burst.add(session.delivery());
        }
        List<Exchange> answers = session.sendAll(burst);
        for (Exchange answer : answers) {
            session.expectAccepted(answer, "for each of " + EVENTS + " events sent at once");
        }
        List<String> wrong = new ArrayList<>();
        for (Delivery delivery : burst) {
            int times = session.timesProcessed(delivery.key());
            if (times != 1) {
                wrong.add(delivery.key() + (times == 0 ? " never processed" : " processed " + times + " times"));
            }
        }
        if (!wrong.isEmpty()) {
            throw session.fail(answers.get(0), "each of " + EVENTS + " events processed once",
                    wrong.size() + " of them not, for example " + String.join(", ", wrong.subList(0, Math.min(2,
                            wrong.size()))));
        }
    }
}
