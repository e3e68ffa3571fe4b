package dev.hookcheck.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A clock that runs at a chosen speed and can be moved ahead: one of these drives every timestamp,
 * retry schedule and retention window of the mock server. Scale 1 is real time, 3600 runs an hour per
 * second, 0 stands still so that only {@link #advance} moves it (deterministic tests).
 *
 * <p>Thread-safe. Listeners hear about every jump and speed change, so a scheduler waiting for the
 * next due instant can wake up.
 */
public final class VirtualClock extends Clock {
    private final LongSupplier nanoTime;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Instant anchor;
    private long anchorNanos;
    private double scale;

    VirtualClock(Instant start, double scale, LongSupplier nanoTime) {
        if (scale < 0 || Double.isNaN(scale) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale must be a finite number >= 0, got " + scale);
        }
        this.nanoTime = nanoTime;
        this.anchor = start;
        this.anchorNanos = nanoTime.getAsLong();
        this.scale = scale;
    }

    /** Real time, sped up {@code scale} times from now on. */
    public static VirtualClock scaled(double scale) {
        return new VirtualClock(Instant.now(), scale, System::nanoTime);
    }

    /** Real time. */
    public static VirtualClock system() {
        return scaled(1);
    }

    /** A clock that stands at {@code start} until {@link #advance} moves it. */
    public static VirtualClock stopped(Instant start) {
        return new VirtualClock(start, 0, System::nanoTime);
    }

    @Override
    public synchronized Instant instant() {
        if (scale == 0) {
            return anchor;
        }
        long elapsed = nanoTime.getAsLong() - anchorNanos;
        return anchor.plusNanos((long) (elapsed * scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock is always UTC");
    }

    public synchronized double scale() {
        return scale;
    }

    /** Changes the speed from now on; the current instant stays where it is. */
    public void setScale(double newScale) {
        if (newScale < 0 || Double.isNaN(newScale) || Double.isInfinite(newScale)) {
            throw new IllegalArgumentException("time scale must be a finite number >= 0, got " + newScale);
        }
        synchronized (this) {
            reanchor(instant());
            scale = newScale;
        }
        listeners.forEach(Runnable::run);
    }

    /** Jumps ahead. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward; got " + amount);
        }
        synchronized (this) {
            reanchor(instant().plus(amount));
        }
        listeners.forEach(Runnable::run);
    }

    /** Jumps ahead to {@code target}; a target in the past leaves the clock where it is. */
    public void advanceTo(Instant target) {
        synchronized (this) {
            Instant now = instant();
            reanchor(target.isAfter(now) ? target : now);
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * Sets the clock to {@code start}, back or ahead, at the same speed: only for a fresh start, when nothing
     * timed by this clock (a schedule, a retention window) is left.
     */
    public void restartAt(Instant start) {
        synchronized (this) {
            reanchor(start);
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * How long in real time until this clock shows {@code target}: zero if it already does, null if
     * the clock stands still and only {@link #advance} can get there.
     */
    public synchronized Duration realTimeUntil(Instant target) {
        Duration virtual = Duration.between(instant(), target);
        if (virtual.isNegative() || virtual.isZero()) {
            return Duration.ZERO;
        }
        if (scale == 0) {
            return null;
        }
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, virtual.toNanos() / scale));
    }

    /** Runs {@code listener} after every jump and speed change. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void reanchor(Instant at) {
        anchor = at;
        anchorNanos = nanoTime.getAsLong();
    }

    @Override
    public String toString() {
        return "VirtualClock[" + instant() + ", scale " + scale() + "]";
    }
}
