package dev.hookcheck.core.internal;

import java.util.Map;

/** Header lookup that ignores letter case, as HTTP requires. */
public final class Headers {
    private Headers() {}

    public static String get(Map<String, String> headers, String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
