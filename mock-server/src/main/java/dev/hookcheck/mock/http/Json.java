package dev.hookcheck.mock.http;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON in and out of handlers, with one mapper for the whole server. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.shared();
    private static final String CONTENT_TYPE = "application/json";

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static void write(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
    }

    /** The request body as a JSON object, or a 400 that says what is wrong with it. */
    public static ObjectNode readObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.malformedJson("the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.malformedJson("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.malformedJson("the request body must be a JSON object");
        }
        return object;
    }
}
