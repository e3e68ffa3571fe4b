package dev.hookcheck.core.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A signed-content template such as {@code {id}.{timestamp}.{body}}, split once into parts. */
final class Template {
    private final List<Object> parts; // byte[] literal or Placeholder

    enum Placeholder { ID, TIMESTAMP, BODY }

    Template(String template) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.add(template.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            int close = template.indexOf('}', open);
            if (open > i) {
                out.add(template.substring(i, open).getBytes(StandardCharsets.UTF_8));
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

    /** The content to sign, as parts to feed to a MAC without copying the body. */
    byte[][] render(String id, String timestamp, byte[] body) {
        byte[][] out = new byte[parts.size()][];
        for (int i = 0; i < out.length; i++) {
            Object part = parts.get(i);
            out[i] = part instanceof Placeholder p ? switch (p) {
                case ID -> id.getBytes(StandardCharsets.UTF_8);
                case TIMESTAMP -> timestamp.getBytes(StandardCharsets.US_ASCII);
                case BODY -> body;
            } : (byte[]) part;
        }
        return out;
    }
}
