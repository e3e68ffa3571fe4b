package dev.hookcheck.conformance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A settled reading of side effects. Real receivers often answer 2xx first and process from a queue,
 * so one reading right after the answer says nothing. After a check's last request the observation
 * sends a <em>sentinel</em>, one more ordinary event, and reads the probe until:
 * <ul>
 *   <li>a count is above what the check expects: final at once, since counts only grow;</li>
 *   <li>every count is what the check expects, the sentinel has been processed (a queued receiver has
 *       then worked through everything sent before it) and nothing has changed for a quiet period of a
 *       quarter of the sentinel's delay (at least {@value #MIN_QUIET_MS} ms), for workers that run in
 *       parallel: the expectation holds;</li>
 *   <li>the settle window has passed: the counts are taken as they are. A count below what the check
 *       expects is never concluded earlier, so a slow worker is waited for.</li>
 * </ul>
 * Readings start 10 ms apart and slow down to {@value #MAX_INTERVAL_MS} ms, or to twice what one round
 * of readings takes where the probe is slow (a command it has to start), so a probe is never asked
 * more than half the time.
 */
final class Observation {
    static final long MIN_QUIET_MS = 50;
    static final long MAX_INTERVAL_MS = 50;

    private final Session session;
    private final Duration window;

    Observation(Session session, Duration window) {
        this.session = session;
        this.window = window;
    }

    void expect(Map<String, Integer> expected, Exchange exchange, String what) {
        String sentinel = sendSentinel();
        long begin = System.nanoTime();
        long deadline = begin + window.toNanos();
        long sentinelSeen = -1;
        long lastChange = begin;
        Map<String, Integer> previous = null;
        long interval = 10;
        while (true) {
            long reading = System.nanoTime();
            Map<String, Integer> counts = read(expected);
            long now = System.nanoTime();
            if (sentinel != null && sentinelSeen < 0 && session.timesProcessed(sentinel) > 0) {
                sentinelSeen = now;
            }
            if (!counts.equals(previous)) {
                lastChange = now;
                previous = counts;
            }
            List<String> tooMany = differences(expected, counts, true);
            if (!tooMany.isEmpty()) {
                throw failure(expected, counts, tooMany, exchange, what, "");
            }
            boolean met = counts.equals(expected);
            if (met && sentinelSeen >= 0) {
                long quiet = Math.max(Duration.ofMillis(MIN_QUIET_MS).toNanos(), (sentinelSeen - begin) / 4);
                if (now - Math.max(lastChange, sentinelSeen) >= quiet) {
                    return;
                }
            }
            if (now >= deadline) {
                if (met) {
                    return;
                }
                String context = sentinelSeen >= 0 ? " (a later event was processed meanwhile)"
                        : sentinel == null ? "" : ", nor was a later event sent to check it: if the receiver processes"
                                + " only some event types, name them (--event-type); otherwise check that the probe"
                                + " counts what the receiver does";
                throw failure(expected, counts, differences(expected, counts, false), exchange, what, context);
            }
            pause(Math.min(interval, Math.max(1, (deadline - now) / 1_000_000)));
            interval = Math.min(Math.max(MAX_INTERVAL_MS, 2 * (now - reading) / 1_000_000), interval * 3 / 2);
        }
    }

    /** One more ordinary delivery; its key, or null when the receiver did not accept it (then the window decides). */
    private String sendSentinel() {
        Delivery sentinel = session.delivery();
        return session.sendQuietly(sentinel).accepted() ? sentinel.key() : null;
    }

    private Map<String, Integer> read(Map<String, Integer> expected) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            counts.put(key, session.timesProcessed(key));
        }
        return counts;
    }

    /** The keys whose count is above (or, for {@code above} false, not) what is expected, described. */
    private List<String> differences(Map<String, Integer> expected, Map<String, Integer> counts, boolean above) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((key, times) -> {
            int seen = counts.get(key);
            if (above ? seen > times : seen != times) {
                wrong.add(key);
            }
        });
        return wrong;
    }

    private CheckFailure failure(Map<String, Integer> expected, Map<String, Integer> counts, List<String> wrong,
            Exchange exchange, String what, String context) {
        String waited = " within " + Seconds.of(window);
        if (expected.size() == 1) {
            String key = wrong.get(0);
            int seen = counts.get(key);
            return session.fail(exchange, "the event " + Session.processed(expected.get(key)) + " " + what,
                    Session.processed(seen) + (seen < expected.get(key) ? waited + context : ""));
        }
        boolean same = expected.values().stream().distinct().count() == 1;
        List<String> examples = new ArrayList<>();
        for (String key : wrong.subList(0, Math.min(2, wrong.size()))) {
            int seen = counts.get(key);
            examples.add(key + " " + Session.processed(seen) + (seen < expected.get(key) ? waited : "")
                    + (same ? "" : " (expected " + Session.processed(expected.get(key)) + ")"));
        }
        String expectation = same ? "each of the " + expected.size() + " events "
                + Session.processed(expected.values().iterator().next()) + " " + what : what;
        return session.fail(exchange, expectation, wrong.size() + " of them not, for example "
                + String.join(", ", examples) + context);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeFailure("interrupted while waiting for the receiver to process");
        }
    }
}
