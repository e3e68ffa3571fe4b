package dev.hookcheck.conformance.internal;

/** Quoting what someone else said (a probe's output, a database's error) in a message of ours, briefly. */
public final class Text {
    private Text() {}

    /** The first line of the text, at most {@code max} characters of it. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
