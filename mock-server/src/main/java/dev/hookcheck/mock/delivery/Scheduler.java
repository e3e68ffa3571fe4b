package dev.hookcheck.mock.delivery;

import dev.hookcheck.core.time.VirtualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks when the server's clock reaches their due instant. One thread waits for the earliest
 * task (in real time: the virtual wait divided by the clock's scale) and hands it to the executor.
 * {@link #advance} instead jumps the clock from due instant to due instant and runs each task on the
 * calling thread, so a schedule of days completes, in order and with exact timestamps, in the time
 * its HTTP calls take.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private record Due(Instant at, long seq, Runnable task) {}

    private final Clock clock;
    private final Executor executor;
    private final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingLong(Due::seq));
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final Thread thread;
    private int running;
    private boolean advancing;
    private boolean closed;

    Scheduler(Clock clock, Executor executor) {
        this.clock = clock;
        this.executor = executor;
        if (clock instanceof VirtualClock virtual) {
            virtual.onChange(this::wake);
        }
        this.thread = new Thread(this::loop, "hookcheck-scheduler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void schedule(Instant at, Runnable task) {
        lock.lock();
        try {
            if (!advancing && !closed && !at.isAfter(clock.instant())) {
                dispatch(task); // due already: no detour through the queue and the scheduler thread
                return;
            }
            queue.add(new Due(at, sequence.incrementAndGet(), task));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands a due task to the executor. Call holding {@link #lock}. */
    private void dispatch(Runnable task) {
        running++;
        try {
            executor.execute(() -> runAndRelease(task));
        } catch (RuntimeException rejected) {
            running--;
            LOG.warn("could not run a due task", rejected);
        }
    }

    /** Tasks waiting for their instant. */
    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock ahead by {@code amount}, running every task that falls due on the way (including
     * tasks those tasks schedule) at its own instant. Waits first for tasks already running.
     */
    void advance(Duration amount) {
        if (!(clock instanceof VirtualClock virtual)) {
            throw new IllegalStateException("the server's clock is fixed; start the server with a VirtualClock to move time");
        }
        Instant target = virtual.instant().plus(amount);
        lock.lock();
        try {
            advancing = true;
            while (running > 0) {
                idle.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        try {
            while (true) {
                Due next;
                lock.lock();
                try {
                    if (queue.isEmpty() || queue.peek().at().isAfter(target)) {
                        break;
                    }
                    next = queue.poll();
                } finally {
                    lock.unlock();
                }
                virtual.advanceTo(next.at());
                runSafely(next.task());
            }
            virtual.advanceTo(target);
        } finally {
            lock.lock();
            try {
                advancing = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void loop() {
        lock.lock();
        try {
            while (!closed) {
                Due head = queue.peek();
                if (advancing || head == null) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Duration wait = clock instanceof VirtualClock virtual ? virtual.realTimeUntil(head.at())
                        : nonNegative(Duration.between(clock.instant(), head.at()));
                if (wait == null) {
                    changed.awaitUninterruptibly(); // a stopped clock: only advance() gets there
                } else if (wait.isZero()) {
                    queue.poll();
                    dispatch(head.task());
                } else {
                    changed.await(Math.min(wait.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void runAndRelease(Runnable task) {
        try {
            runSafely(task);
        } finally {
            lock.lock();
            try {
                running--;
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("a scheduled delivery task failed", e);
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
    }
}
