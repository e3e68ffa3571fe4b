package dev.hookcheck.conformance.reference;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a reference receiver keeps what it has done: the idempotency keys it has claimed and how
 * often it did each event's work. In memory by default; the CLI's tests keep it in a real
 * PostgreSQL or SQLite database and probe it with SQL.
 */
public interface Ledger extends AutoCloseable {

    /** Atomically: true for the first claim of a key, false for every later one. */
    boolean claim(String key) throws Exception;

    /** The event's work, done once more. */
    void record(String key) throws Exception;

    /** How often the event's work was done. */
    int count(String key) throws Exception;

    @Override
    default void close() throws Exception {}

    static Ledger inMemory() {
        return new Ledger() {
            private final Set<String> claimed = ConcurrentHashMap.newKeySet();
            private final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();

            @Override
            public boolean claim(String key) {
                return claimed.add(key);
            }

            @Override
            public void record(String key) {
                done.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public int count(String key) {
                AtomicInteger count = done.get(key);
                return count == null ? 0 : count.get();
            }
        };
    }
}
