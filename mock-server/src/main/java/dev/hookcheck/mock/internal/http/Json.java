package dev.hookcheck.mock.internal.http;

import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON in and out of handlers, with one mapper for the whole server. Request bodies are read within
 * {@link Limits}; what is wrong with one is said in the project's words with where it happened (the
 * field, or line and column), never in the parser's.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.shared();
    /** Reads what clients send, within {@link Limits}. */
    private static final JsonMapper REQUESTS = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                    .maxNumberLength(Limits.MAX_JSON_NUMBER_LENGTH)
                    .maxNameLength(Limits.MAX_JSON_NAME_LENGTH)
                    .maxStringLength(Limits.MAX_BODY_BYTES)
                    .maxDocumentLength(Limits.MAX_BODY_BYTES)
                    .build())
            .build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // parse() says so in its own words
            .build();
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

    /** The request body as a JSON object, or a 4xx that says what is wrong with it. */
    public static ObjectNode readObject(Context ctx) {
        byte[] body = body(ctx);
        if (body.length == 0) {
            throw ApiException.malformedJson("the request body is empty; send a JSON object");
        }
        if (!(parse(body) instanceof ObjectNode object)) {
            throw ApiException.malformedJson("the request body must be a JSON object");
        }
        return object;
    }

    /**
     * The raw request body, after checking that it is meant as UTF-8: JSON is UTF-8 (RFC 8259), so a
     * {@code Content-Type} naming another charset is a 415, not a guess.
     */
    public static byte[] body(Context ctx) {
        String charset = charset(ctx.header("Content-Type"));
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw ApiException.unsupportedMediaType("Content-Type names the charset " + Quote.of(charset)
                    + "; a JSON body is UTF-8: send application/json or application/json; charset=utf-8");
        }
        return ctx.bodyAsBytes();
    }

    /** One JSON value, or a 400 saying what is wrong and where. */
    static JsonNode parse(byte[] body) {
        try (JsonParser parser = REQUESTS.createParser(body)) {
            JsonNode node;
            try {
                node = REQUESTS.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw tooLarge(e, parser);
            } catch (JacksonException e) {
                throw ApiException.malformedJson("the request body is not valid JSON: " + reason(e) + where(e.getLocation()));
            }
            try {
                if (parser.nextToken() != null) {
                    throw ApiException.malformedJson("the request body holds more than one JSON value"
                            + where(parser.currentTokenLocation()) + "; send exactly one object");
                }
            } catch (JacksonException e) {
                throw ApiException.malformedJson("the request body holds more than one JSON value, and the second is "
                        + "not valid JSON" + where(e.getLocation()) + "; send exactly one object");
            }
            return node;
        }
    }

    /** A limit of {@link Limits} was exceeded: which, and at which field. */
    private static ApiException tooLarge(StreamConstraintsException e, JsonParser parser) {
        String pointer = pointer(parser);
        String field = pointer.isEmpty() ? null : pointer.substring(1);
        String at = pointer.isEmpty() ? "" : " at " + Quote.prefix(pointer);
        // the parser says which limit in its own words; they are matched here, never shown
        String what = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (what.contains("nesting")) {
            return ApiException.malformedJson("the request body nests arrays and objects deeper than "
                    + Limits.MAX_JSON_DEPTH + " levels" + at);
        }
        if (what.contains("number")) {
            return ApiException.malformedJson(field, (field == null ? "a number" : field + " is a number")
                    + " longer than " + Limits.MAX_JSON_NUMBER_LENGTH + " characters; no field takes one that long");
        }
        if (what.contains("name")) {
            return ApiException.malformedJson("the request body has a field name longer than "
                    + Limits.MAX_JSON_NAME_LENGTH + " characters" + at);
        }
        return ApiException.payloadTooLarge("the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes" + at);
    }

    /** Where the parser was, as a JSON pointer ({@code /events/3}); empty at the top level. */
    private static String pointer(JsonParser parser) {
        try {
            return parser.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException unknown) {
            return "";
        }
    }

    /** What is wrong, in the project's words: the parser's own message is only matched, never shown. */
    private static String reason(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("end-of-input")) {
            return "it ends before the value is complete";
        }
        if (message.contains("utf-8") || message.contains("utf8")) {
            return "it is not valid UTF-8";
        }
        if (message.contains("nan") || message.contains("infinity")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (message.contains("leading zero")) {
            return "a number has a leading zero";
        }
        if (message.contains("control character") || message.contains("illegal unquoted character")) {
            return "a string holds a control character that must be escaped";
        }
        if (message.contains("unrecognized token")) {
            return "a word that is not true, false, null or a quoted string";
        }
        if (message.contains("was expecting double-quote") || message.contains("field name")) {
            return "a field name is not a double-quoted string";
        }
        if (message.contains("escape")) {
            return "a string has an invalid escape sequence";
        }
        return "unexpected character";
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The {@code charset} parameter of a Content-Type, lower case and unquoted; null when none is named. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String value = p.substring(8).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
