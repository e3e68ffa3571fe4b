package dev.hookcheck.mock.internal.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who may send to an endpoint now: at most {@code perEndpoint} attempts at a time per endpoint, the
 * rest wait in line (not on a thread), first come first served; an attempt caught up after a jump of
 * the clock runs alone. Also counts the work in progress (tasks handed to the workers and attempts
 * waiting for their endpoint), so that {@link #awaitIdle} can wait for it to end.
 */
final class Admission {
    private final int perEndpoint;
    private final Executor workers;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when no task or attempt runs or waits for its endpoint any more. */
    private final Condition idle = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final Map<String, Gate> gates = new HashMap<>();
    /** Tasks handed to the workers and attempts waiting for their endpoint. Guarded by {@link #lock}. */
    private int active;

    /** Attempts to one endpoint: how many run, and who waits. Guarded by {@link #lock}. */
    private static final class Gate {
        int running;
        boolean alone;
        final Queue<Waiting> waiting = new ArrayDeque<>();
    }

    /** An attempt waiting for its endpoint; {@code alone}: it was caught up, and runs with nothing beside it. */
    private record Waiting(Runnable attempt, boolean alone) {}

    Admission(int perEndpoint, Executor workers) {
        this.perEndpoint = perEndpoint;
        this.workers = workers;
    }

    /**
     * Runs {@code attempt} now, on this thread, or queues it behind the endpoint's running and waiting
     * attempts, to be run on a worker. One that must run {@code alone} always waits its turn on a worker.
     */
    void admit(String endpointId, boolean alone, Runnable attempt) {
        List<Runnable> start;
        lock.lock();
        try {
            Gate gate = gates.computeIfAbsent(endpointId, k -> new Gate());
            if (!alone && gate.waiting.isEmpty() && !gate.alone && gate.running < perEndpoint) {
                gate.running++;
                start = null;
            } else {
                active++; // counted while it waits for its endpoint
                gate.waiting.add(new Waiting(() -> {
                    try {
                        runAndRelease(endpointId, alone, attempt);
                    } finally {
                        done();
                    }
                }, alone));
                start = next(gate);
            }
        } finally {
            lock.unlock();
        }
        if (start == null) {
            runAndRelease(endpointId, false, attempt);
        } else {
            start.forEach(this::execute);
        }
    }

    private void runAndRelease(String endpointId, boolean alone, Runnable attempt) {
        try {
            attempt.run();
        } finally {
            List<Runnable> start;
            lock.lock();
            try {
                Gate gate = gates.get(endpointId);
                gate.running--;
                if (alone) {
                    gate.alone = false;
                }
                start = next(gate);
            } finally {
                lock.unlock();
            }
            start.forEach(this::execute);
        }
    }

    /** The waiting attempts that may start now, first come first served. Call holding {@link #lock}. */
    private List<Runnable> next(Gate gate) {
        List<Runnable> start = new ArrayList<>(1);
        while (!gate.waiting.isEmpty() && !gate.alone) {
            Waiting head = gate.waiting.peek();
            if (head.alone() ? gate.running > 0 : gate.running >= perEndpoint) {
                break;
            }
            gate.waiting.poll();
            gate.running++;
            gate.alone = head.alone();
            start.add(head.attempt());
        }
        return start;
    }

    private void execute(Runnable queued) {
        try {
            workers.execute(queued);
        } catch (RejectedExecutionException closing) {
            done(); // the engine is closing: attempts still waiting for their endpoint are not made
        }
    }

    /** A task was handed to the workers. */
    void begun() {
        lock.lock();
        try {
            active++;
        } finally {
            lock.unlock();
        }
    }

    /** A task handed to the workers, or an attempt that waited for its endpoint, ended. */
    void done() {
        lock.lock();
        try {
            if (--active == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no attempt runs or waits for its endpoint, and no task handed to the workers is left. */
    void awaitIdle() {
        lock.lock();
        try {
            while (active > 0) {
                idle.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the work in progress to end, then forgets the endpoints' lines (a reset). */
    void clear() {
        awaitIdle();
        lock.lock();
        try {
            gates.clear();
        } finally {
            lock.unlock();
        }
    }
}
