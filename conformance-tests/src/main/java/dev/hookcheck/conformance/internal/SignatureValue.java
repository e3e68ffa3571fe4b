package dev.hookcheck.conformance.internal;

import dev.hookcheck.core.signing.SchemeSpec.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * A signature header value taken apart into its signatures (and the {@code t=} item of the
 * {@code PAIRS} style), so a check can swap, cut or relabel one and write the header again.
 *
 * @param timestamp the {@code PAIRS} timestamp item, else null
 * @param entries the signatures with their labels, in header order
 */
public record SignatureValue(String timestamp, List<Entry> entries) {

    /** One signature: its label (version or prefix) and its encoded value. */
    public record Entry(String label, String signature) {}

    public SignatureValue {
        entries = List.copyOf(entries);
    }

    /** Reads a header value this session signed itself, so it is well-formed. */
    public static SignatureValue parse(Wire wire, String header) {
        List<Entry> entries = new ArrayList<>();
        String timestamp = null;
        switch (wire.style()) {
            case PREFIXED -> entries.add(new Entry(wire.label(), header.substring(wire.label().length())));
            case PAIRS -> {
                for (String item : header.split(java.util.regex.Pattern.quote(wire.separator()))) {
                    int eq = item.indexOf('=');
                    String key = item.substring(0, eq);
                    if (key.equals(wire.timestampKey())) {
                        timestamp = item.substring(eq + 1);
                    } else {
                        entries.add(new Entry(key, item.substring(eq + 1)));
                    }
                }
            }
            case LIST -> {
                for (String token : header.split(" ")) {
                    int comma = token.indexOf(',');
                    entries.add(new Entry(token.substring(0, comma), token.substring(comma + 1)));
                }
            }
        }
        return new SignatureValue(timestamp, entries);
    }

    public String format(Wire wire) {
        List<String> parts = new ArrayList<>();
        if (wire.style() == Style.PAIRS && timestamp != null) {
            parts.add(wire.timestampKey() + "=" + timestamp);
        }
        for (Entry entry : entries) {
            parts.add(switch (wire.style()) {
                case PREFIXED -> entry.label() + entry.signature();
                case PAIRS -> entry.label() + "=" + entry.signature();
                case LIST -> entry.label() + "," + entry.signature();
            });
        }
        return String.join(switch (wire.style()) {
            case LIST -> " ";
            case PAIRS -> wire.separator();
            case PREFIXED -> "";
        }, parts);
    }

    public Entry first() {
        return entries.get(0);
    }

    public SignatureValue withEntries(List<Entry> newEntries) {
        return new SignatureValue(timestamp, newEntries);
    }

    public SignatureValue withTimestamp(String newTimestamp) {
        return new SignatureValue(newTimestamp, entries);
    }
}
