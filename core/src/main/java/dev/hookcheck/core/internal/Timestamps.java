package dev.hookcheck.core.internal;

import java.util.OptionalLong;

/** Parses signed timestamps: unix seconds written as ASCII digits, nothing else. */
public final class Timestamps {
    private Timestamps() {}

    /** The value, or empty when the text is not all ASCII digits or does not fit a long. */
    public static OptionalLong parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException overflow) {
            return OptionalLong.empty();
        }
    }
}
