package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.profile.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SIG-015: the signature is over bytes, not over JSON; any re-serialization changes these two bodies. */
final class RawBodyVerified extends Check {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String ESCAPES = "\"hookcheck_fidelity\":{\"text\":\"caf\\u00e9 \\/ \\u2028 \\ud83c\\udf89\","
            + "\"precise\":1.10000000000000000000000001,\"large\":123456789012345678901234567890,\"exp\":1E+2}";

    RawBodyVerified() {
        super("SIG-015", Category.SIGNATURE, "verifies the raw body, byte for byte",
                "two correctly signed bodies a JSON parser would write differently: unusual whitespace, CRLF and"
                        + " reversed key order; \\u escapes, an escaped slash, U+2028 and very precise numbers",
                "2xx for both",
                "verify the signature over the raw request bytes before parsing them (express.raw, request.body()"
                        + " as bytes, request.get_data()); never over a re-serialized or re-encoded body.",
                "The signature covers the exact bytes sent; re-serialized JSON differs in spacing, order or"
                        + " escapes, so genuine deliveries fail.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return signsBody(receiver, receiver.profile().traits().reserializedBodyTolerated().map(Level::recommended)
                .orElse(Level.required()));
    }

    @Override
    public void run(Session session) {
        Delivery first = session.delivery();
        JsonNode firstBody = JSON.readTree(first.body());
        String escaped = "{" + String.join(",", fields(firstBody, ":", false)) + "," + ESCAPES + "}";
        session.expectAccepted(session.send(session.withBody(first, bytes(inPlace(firstBody, escaped, ",")))),
                "for a body with \\u escapes, an escaped slash and 27-digit numbers");
        Delivery second = session.delivery();
        JsonNode secondBody = JSON.readTree(second.body());
        String layout = "{\r\n  " + String.join(" ,\r\n  ", fields(secondBody, " :\t", true)) + "\r\n}";
        session.expectAccepted(session.send(session.withBody(second, bytes(inPlace(secondBody, layout, " ,\r\n")
                + "\r\n"))), "for a body with unusual whitespace, CRLF line ends and reversed key order");
    }

    /**
     * The body with its event written as given: the body itself, or the first element of a body that is an
     * array of events (the other elements compact after it).
     */
    private static String inPlace(JsonNode body, String event, String comma) {
        if (!body.isArray()) {
            return event;
        }
        StringBuilder array = new StringBuilder("[").append(event);
        for (int i = 1; i < body.size(); i++) {
            array.append(comma).append(JSON.writeValueAsString(body.get(i)));
        }
        return array.append(']').toString();
    }

    /** The event's top-level fields as {@code "key"<colon>value}, values compact, optionally in reverse order. */
    private static List<String> fields(JsonNode body, String colon, boolean reversed) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : Field.event(body).properties()) {
            String text = JSON.writeValueAsString(field.getKey()) + colon + JSON.writeValueAsString(field.getValue());
            fields.add(reversed ? 0 : fields.size(), text);
        }
        return fields;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
