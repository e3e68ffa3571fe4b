package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.mock.internal.delivery.FailureInjection.Hold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * New deliveries held back by {@code reorder} rules, one window per rule and endpoint. A window
 * opens with its first delivery and lets go of everything it holds when it is full, when its
 * longest hold has passed on the server clock, or when its rule is withdrawn; what it lets go comes
 * out shuffled (never in the order it went in) with the rule's seed. Thread-safe.
 */
final class ReorderWindows {
    /**
     * Deliveries to send one after another, in this order.
     *
     * @param labels each delivery's journal label ({@code reorder (created 1st, sent 3rd of 3)})
     */
    record Release(List<String> order, Map<String, String> labels) {}

    private static final class Window {
        final Hold hold;
        final List<String> held = new ArrayList<>();

        Window(Hold hold) {
            this.hold = hold;
        }
    }

    private final BiConsumer<Duration, Runnable> after;
    private final Consumer<Release> release;
    private final Map<String, Window> open = new HashMap<>();

    /**
     * @param after runs a task once a duration has passed on the server clock
     * @param release sends what a window lets go
     */
    ReorderWindows(BiConsumer<Duration, Runnable> after, Consumer<Release> release) {
        this.after = after;
        this.release = release;
    }

    /** Forgets every open window and what it holds (a reset); their timers find nothing to release. */
    synchronized void clear() {
        open.clear();
    }

    void hold(Hold hold, String endpointId, String deliveryId) {
        String key = hold.ruleId() + " " + endpointId;
        Window opened = null;
        Release full = null;
        synchronized (this) {
            Window window = open.get(key);
            if (window == null) {
                window = new Window(hold);
                open.put(key, window);
                opened = window;
            }
            window.held.add(deliveryId);
            if (window.held.size() >= hold.size()) {
                open.remove(key);
                full = shuffle(window);
            }
        }
        if (full != null) {
            release.accept(full);
        } else if (opened != null) {
            Window expiring = opened;
            after.accept(hold.maxHold(), () -> expire(key, expiring));
        }
    }

    /** Lets go of every window of a rule that was disabled or removed. */
    void withdraw(String ruleId) {
        List<Release> released = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Window>> it = open.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Window> entry = it.next();
                if (entry.getValue().hold.ruleId().equals(ruleId)) {
                    it.remove();
                    released.add(shuffle(entry.getValue()));
                }
            }
        }
        released.forEach(release);
    }

    private void expire(String key, Window window) {
        synchronized (this) {
            if (open.get(key) != window) {
                return; // released already
            }
            open.remove(key);
        }
        release.accept(shuffle(window));
    }

    private static Release shuffle(Window window) {
        List<String> held = window.held;
        List<String> order = new ArrayList<>(held);
        SplittableRandom random = new SplittableRandom(window.hold.seed() ^ held.get(0).hashCode());
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        if (order.equals(held)) {
            Collections.rotate(order, 1); // a window sent in its own order would not be a reordering
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int sent = 0; sent < order.size(); sent++) {
            int created = held.indexOf(order.get(sent));
            labels.put(order.get(sent), "reorder (created " + ordinal(created + 1) + ", sent " + ordinal(sent + 1) + " of "
                    + order.size() + ")");
        }
        return new Release(order, labels);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
