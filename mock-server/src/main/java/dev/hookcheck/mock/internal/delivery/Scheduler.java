package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.time.VirtualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 *
 * <p>Every task runs on its own clock: its due instant plus the real time since it was handed
 * over, at the clock's speed. A jump of the clock while it runs does not move it, and a task that
 * fell due in a jump still happens at its own instant.
 *
 * <p>{@link #advance} jumps the clock and returns at once. What fell due in the jump is then
 * <em>caught up</em> by the scheduler's own thread, in due order, so the attempts, retries and
 * lifecycle steps of a jump each happen at their own instant, and tasks they schedule within the
 * jump are caught up in turn. Catch-up tasks must be quick (the engine's hand attempts over to its
 * workers); they never wait for a receiver.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    /**
     * When a task runs.
     *
     * @param clock the task's own clock (see the class comment)
     * @param catchingUp the task fell due in a jump of the clock and is being caught up
     */
    record When(Clock clock, boolean catchingUp) {}

    /** A task's own clock: its due instant plus the real time since it was handed over, at the speed of the server's clock then. */
    private static final class TaskClock extends Clock {
        private final Instant due;
        private final long handedOver = System.nanoTime();
        private final double scale;

        TaskClock(Instant due, double scale) {
            this.due = due;
            this.scale = scale;
        }

        @Override
        public Instant instant() {
            return scale == 0 ? due : due.plusNanos((long) ((System.nanoTime() - handedOver) * scale));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a task's clock is always UTC");
        }
    }

    /** Something to run at an instant. */
    @FunctionalInterface
    interface Task {
        void run(When when);
    }

    /** Counts work in progress, so that a caller can wait until none is left. */
    interface Work {
        void begin();

        void end();
    }

    private static final class Due {
        final Instant at;
        final long seq;
        final Task task;
        /** Fell due in a jump and counted as work until the scheduler thread has run it. */
        boolean catchUp;

        Due(Instant at, long seq, Task task, boolean catchUp) {
            this.at = at;
            this.seq = seq;
            this.task = task;
            this.catchUp = catchUp;
        }
    }

    private final Clock clock;
    private final Executor executor;
    private final Work work;
    private final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.<Due, Instant>comparing(d -> d.at)
            .thenComparingLong(d -> d.seq));
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    /** The instant the latest jump reached: tasks due before it that show up late are caught up. */
    private Instant caughtUpTo = Instant.MIN;
    private boolean closed;

    /**
     * @param executor runs tasks that are due on time; it must never run one on the calling thread
     * @param work told of every task from when it is handed over (or falls due in a jump) until it has run
     */
    Scheduler(Clock clock, Executor executor, Work work) {
        this.clock = clock;
        this.executor = executor;
        this.work = work;
        if (clock instanceof VirtualClock virtual) {
            virtual.onChange(this::wake);
        }
        this.thread = new Thread(this::loop, "hookcheck-scheduler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs {@code task} once the server's clock reaches {@code at}: at once (on the executor) when it
     * is due already, or caught up when {@code at} lies within a jump and has passed.
     */
    void schedule(Instant at, Task task) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            if (at.isAfter(now)) {
                queue.add(new Due(at, sequence.incrementAndGet(), task, false));
                changed.signalAll();
            } else if (at.isBefore(now) && !at.isAfter(caughtUpTo)) {
                work.begin(); // a follow-up of the jump (a retry that fell due within it): caught up in order
                queue.add(new Due(at, sequence.incrementAndGet(), task, true));
                changed.signalAll();
            } else {
                dispatch(at, task); // due already: no detour through the queue and the scheduler thread
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops every task still waiting (a reset); a caught-up one is ended as though it had run. */
    void clear() {
        int caughtUp = 0;
        lock.lock();
        try {
            for (Due due : queue) {
                caughtUp += due.catchUp ? 1 : 0;
            }
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < caughtUp; i++) {
            work.end();
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
     * Moves the clock ahead by {@code amount} and returns at once; everything that fell due is
     * caught up by the scheduler's thread, oldest first (see the class comment).
     */
    void advance(Duration amount) {
        if (!(clock instanceof VirtualClock virtual)) {
            throw new IllegalStateException("the server's clock is fixed; start the server with a VirtualClock to move time");
        }
        lock.lock();
        try {
            virtual.advanceTo(virtual.instant().plus(amount));
            Instant now = clock.instant();
            if (now.isAfter(caughtUpTo)) {
                caughtUpTo = now;
            }
            for (Due due : queue) {
                if (!due.catchUp && !due.at.isAfter(now)) {
                    due.catchUp = true;
                    work.begin();
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The clock a task due at {@code at} runs on, from now. */
    private Clock clockFor(Instant at) {
        // a clock that cannot jump is the task's clock as it is
        return clock instanceof VirtualClock virtual ? new TaskClock(at, virtual.scale()) : clock;
    }

    /** Hands a task due on time to the executor. Call holding {@link #lock}. */
    private void dispatch(Instant at, Task task) {
        work.begin();
        Clock own = clockFor(at);
        try {
            executor.execute(() -> {
                try {
                    runSafely(task, new When(own, false));
                } finally {
                    work.end();
                }
            });
        } catch (RuntimeException rejected) {
            work.end();
            LOG.warn("could not run a due task", rejected);
        }
    }

    private void loop() {
        lock.lock();
        try {
            while (!closed) {
                Due head = queue.peek();
                if (head == null) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                if (head.catchUp) {
                    queue.poll();
                    Clock own = clockFor(head.at);
                    lock.unlock();
                    try {
                        runSafely(head.task, new When(own, true));
                    } finally {
                        work.end();
                        lock.lock();
                    }
                    continue;
                }
                Duration wait = clock instanceof VirtualClock virtual ? virtual.realTimeUntil(head.at)
                        : nonNegative(Duration.between(clock.instant(), head.at));
                if (wait == null) {
                    changed.awaitUninterruptibly(); // a stopped clock: only advance() gets there
                } else if (wait.isZero()) {
                    queue.poll();
                    dispatch(head.at, head.task);
                } else {
                    changed.await(Math.min(wait.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    private static void runSafely(Task task, When when) {
        try {
            task.run(when);
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
        List<Due> dropped;
        lock.lock();
        try {
            closed = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        dropped.stream().filter(d -> d.catchUp).forEach(d -> work.end());
        thread.interrupt();
    }
}
