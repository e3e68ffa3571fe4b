package dev.hookcheck.core.internal.providers;

/** Reading a URL's query, for the providers whose requests carry something there (Twilio's hash, Dropbox's challenge). */
public final class Query {
    private Query() {}

    /** The first value of {@code name} in {@code query} ({@code a=1&b=2}) as written, undecoded; null when absent. */
    public static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
