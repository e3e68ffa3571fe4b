package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Writes what happens to deliveries into the store, and wakes whoever waits for a change: every
 * change of a delivery goes through here.
 */
final class Recorder {
    private final Store store;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Waiter> waiters = new ArrayList<>();

    Recorder(Store store) {
        this.store = store;
    }

    /**
     * Stores the attempt and, in the same store write, counts it on its delivery (a copy sent by a
     * duplicate rule is not counted) and applies {@code outcome}: one write and one wake-up per attempt.
     */
    Optional<Delivery> record(AttemptRecord attempt, UnaryOperator<Delivery> outcome) {
        boolean copy = attempt.isCopy();
        Optional<Delivery> updated = store.atomically(() -> {
            store.addAttempt(attempt);
            return store.updateDelivery(attempt.deliveryId(), d -> outcome.apply(copy ? d : d.counting(attempt.number(),
                    attempt.sentAt(), attempt.responseStatus(),
                    Profiles.get(d.profile()).scheme().signatureOf(attempt.requestHeaders(),
                            attempt.requestBody() == null ? new byte[0]
                                    : attempt.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        });
        signal(attempt.deliveryId());
        return updated;
    }

    /** Changes a delivery. */
    Optional<Delivery> update(String id, UnaryOperator<Delivery> change) {
        Optional<Delivery> updated = store.updateDelivery(id, change);
        signal(id);
        return updated;
    }

    /** Stores a new delivery. */
    void add(Delivery delivery) {
        store.putDelivery(delivery);
        signal(delivery.id());
    }

    private void signal(String deliveryId) {
        lock.lock();
        try {
            for (Waiter waiter : waiters) {
                if (waiter.changed.isEmpty()) {
                    waiter.changedSignal.signal();
                }
                waiter.changed.add(deliveryId);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until at least {@code count} deliveries match, then returns them (oldest first).
     *
     * @throws TimeoutException when they do not within {@code timeout}
     */
    List<Delivery> await(Predicate<Delivery> matching, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiter waiter = new Waiter(lock.newCondition());
        lock.lock();
        try {
            waiters.add(waiter);
        } finally {
            lock.unlock();
        }
        try {
            // one full scan, then only the deliveries that changed since: a waiter costs nothing
            // per attempt however many deliveries the store holds
            Map<String, Delivery> matched = new LinkedHashMap<>();
            store.deliveries().stream().filter(matching).forEach(d -> matched.put(d.id(), d));
            while (matched.size() < count) {
                List<String> changed;
                lock.lock();
                try {
                    while (waiter.changed.isEmpty()) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new TimeoutException("waited " + timeout.toMillis() + " ms for " + count
                                    + " matching deliveries, saw " + matched.size());
                        }
                        waiter.changedSignal.awaitNanos(left);
                    }
                    changed = new ArrayList<>(waiter.changed);
                    waiter.changed.clear();
                } finally {
                    lock.unlock();
                }
                for (String id : changed) {
                    store.delivery(id).filter(matching).ifPresentOrElse(d -> matched.put(id, d), () -> matched.remove(id));
                }
            }
            return store.deliveries().stream().filter(d -> matched.containsKey(d.id())).toList();
        } finally {
            lock.lock();
            try {
                waiters.remove(waiter);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * What changed since a waiter last looked. Guarded by {@link #lock}. The waiter is woken only when
     * its set stops being empty: under load it takes the changes in batches instead of a wake-up per
     * change.
     */
    private static final class Waiter {
        final Set<String> changed = new LinkedHashSet<>();
        final Condition changedSignal;

        Waiter(Condition changedSignal) {
            this.changedSignal = changedSignal;
        }
    }
}
