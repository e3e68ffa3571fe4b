package dev.hookcheck.core.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed-content template such as {@code {id}.{timestamp}.{body}} or {@code {url}{body}}, split once
 * into parts.
 */
final class Template {
    private final List<Object> parts; // String literal or Placeholder

    enum Placeholder { ID, TIMESTAMP, BODY, URL }

    Template(String template) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.add(template.substring(i));
                break;
            }
            int close = template.indexOf('}', open);
            if (open > i) {
                out.add(template.substring(i, open));
            }
            out.add(Placeholder.valueOf(template.substring(open + 1, close).toUpperCase(java.util.Locale.ROOT)));
            i = close + 1;
        }
        this.parts = List.copyOf(out);
    }

    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        int open = template.indexOf('{');
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                names.add(template.substring(open + 1));
                break;
            }
            names.add(template.substring(open + 1, close));
            open = template.indexOf('{', close);
        }
        return names;
    }

    /**
     * The content to sign, as parts to feed to a MAC without copying the body: the text around the
     * body is joined into one part on each side, so a MAC sees at most three updates.
     */
    byte[][] render(String id, String timestamp, byte[] body) {
        return render(id, timestamp, body, "");
    }

    /** Whether the template signs the request URL. */
    boolean signsUrl() {
        return parts.contains(Placeholder.URL);
    }

    /** The same for a request sent to {@code url}. */
    byte[][] render(String id, String timestamp, byte[] body, String url) {
        byte[][] out = new byte[3][];
        int slot = 0;
        int from = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == Placeholder.BODY) {
                out[slot++] = text(from, i, id, timestamp, url);
                out[slot++] = body;
                from = i + 1;
            }
        }
        out[slot++] = text(from, parts.size(), id, timestamp, url);
        return slot == 3 ? out : java.util.Arrays.copyOf(out, slot);
    }

    /** Parts {@code [from, to)} (no body among them) as UTF-8, without a detour through a builder for ASCII. */
    private byte[] text(int from, int to, String id, String timestamp, String url) {
        int length = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            String value = value(parts.get(i), id, timestamp, url);
            length += value.length();
            for (int c = 0; c < value.length() && ascii; c++) {
                ascii = value.charAt(c) < 0x80;
            }
        }
        if (!ascii) {
            StringBuilder text = new StringBuilder(length);
            for (int i = from; i < to; i++) {
                text.append(value(parts.get(i), id, timestamp, url));
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int i = from; i < to; i++) {
            String value = value(parts.get(i), id, timestamp, url);
            for (int c = 0; c < value.length(); c++) {
                bytes[at++] = (byte) value.charAt(c);
            }
        }
        return bytes;
    }

    private static String value(Object part, String id, String timestamp, String url) {
        return part == Placeholder.ID ? id : part == Placeholder.TIMESTAMP ? timestamp
                : part == Placeholder.URL ? url : (String) part;
    }
}
