package example.webhooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * What the application did with each event, deduplicated on the provider's event id: a unique key
 * claimed atomically (in production a unique index, INSERT … ON CONFLICT DO NOTHING).
 */
@Service
public class ProcessedEvents {
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    /** Does the event's work once; a duplicate (a retry, a replay) does nothing and returns false. */
    public boolean process(String eventId, String type) {
        AtomicInteger count = new AtomicInteger();
        if (processed.putIfAbsent(eventId, count) != null) {
            return false;
        }
        count.incrementAndGet(); // the business work for this event type would go here
        return true;
    }

    public int timesProcessed(String eventId) {
        AtomicInteger count = processed.get(eventId);
        return count == null ? 0 : count.get();
    }
}
