package dev.hookcheck.core.signing;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One member of a JSON object body, addressed by a JSON pointer ({@code /signature/signature}): what a
 * scheme that carries its signature inside the body ({@link SignatureScheme#signatureInBody()}) is read,
 * removed and replaced with. A body that is not JSON, or has no object where the pointer leads, has no
 * such member and is returned unchanged.
 */
public final class BodyField {
    private static final JsonMapper JSON = JsonMapper.shared();

    private BodyField() {}

    /** The member's text (a number or boolean as written), or null where there is none or it is an object. */
    public static String read(byte[] body, String pointer) {
        JsonNode root = parse(body);
        if (root == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        return node.isMissingNode() || node.isNull() || node.isContainer() ? null : node.asString();
    }

    /** The body without the member (re-serialized), or the body itself where it has none. */
    public static byte[] without(byte[] body, String pointer) {
        JsonNode root = parse(body);
        ObjectNode parent = root == null ? null : parent(root, pointer);
        if (parent == null || !parent.has(last(pointer))) {
            return body;
        }
        parent.remove(last(pointer));
        return JSON.writeValueAsBytes(root);
    }

    /** The body with the member set to the text {@code value} (re-serialized), or the body itself where it cannot be. */
    public static byte[] with(byte[] body, String pointer, String value) {
        JsonNode root = parse(body);
        ObjectNode parent = root == null ? null : parent(root, pointer);
        if (parent == null) {
            return body;
        }
        parent.put(last(pointer), value);
        return JSON.writeValueAsBytes(root);
    }

    /**
     * The object body with the top-level member {@code name} written first, set to {@code json} (a JSON
     * value as text), and the rest of the bytes exactly as they were: nothing is re-serialized, unless the
     * body already has such a member, which is removed first. A body that is not a JSON object is refused.
     */
    public static byte[] first(byte[] body, String name, String json) {
        byte[] rest = without(body, "/" + name.replace("~", "~0").replace("/", "~1"));
        int open = 0;
        while (open < rest.length && Character.isWhitespace(rest[open])) {
            open++;
        }
        if (open == rest.length || rest[open] != '{' || parse(rest) == null) {
            throw new IllegalArgumentException("the body must be a JSON object to carry the signature inside it");
        }
        int next = open + 1;
        while (next < rest.length && Character.isWhitespace(rest[next])) {
            next++;
        }
        boolean empty = next < rest.length && rest[next] == '}';
        byte[] member = (JSON.writeValueAsString(name) + ":" + json + (empty ? "" : ",")).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[rest.length + member.length];
        System.arraycopy(rest, 0, out, 0, open + 1);
        System.arraycopy(member, 0, out, open + 1, member.length);
        System.arraycopy(rest, open + 1, out, open + 1 + member.length, rest.length - open - 1);
        return out;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static ObjectNode parent(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        return parent instanceof ObjectNode object ? object : null;
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
