package dev.hookcheck.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's published OpenAPI document, read as the fuzzer needs it: every operation with its
 * dialect (the tag), path and query parameters, the JSON Schema of its request body, and the
 * security it declares. Schemas referenced by {@code $id} (https://hookcheck.dev/schemas/…) are read
 * from the published schemas on the classpath.
 */
final class OpenApi {
    static final String SCHEMA_PREFIX = "https://hookcheck.dev/schemas/";
    static final JsonMapper JSON = JsonMapper.shared();
    private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

    /** One query or path parameter and its schema. */
    record Parameter(String name, String in, JsonNode schema) {}

    /**
     * One operation of the document.
     *
     * @param dialect admin, vitable, dfns or preo (the operation's tag)
     * @param security the security scheme names it declares (none for the admin API)
     */
    record Operation(String method, String path, String operationId, String dialect, List<Parameter> parameters,
            JsonNode body, List<String> security) {
        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApi() {}

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(document, op.path("parameters")));
                JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
                List<String> security = new ArrayList<>();
                for (JsonNode requirement : op.path("security")) {
                    requirement.propertyNames().forEach(security::add);
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        op.path("operationId").asString(""), op.path("tags").path(0).asString("admin"), parameters,
                        body.isMissingNode() ? null : body, security));
            }
        }
        return operations;
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode resolved = p.has("$ref") ? local(document, p.get("$ref").asString()) : p;
            parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
                    resolved.path("schema")));
        }
        return parameters;
    }

    private static JsonNode local(JsonNode document, String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    /** A published schema by its {@code $id} (or a {@code #/$defs/…} fragment of one). */
    static JsonNode schema(String id) {
        String file = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
        JsonNode schema = SCHEMAS.computeIfAbsent(file, OpenApi::load);
        if (id.contains("#/")) {
            for (String part : id.substring(id.indexOf("#/") + 2).split("/")) {
                schema = schema.path(part);
            }
        }
        return schema;
    }

    private static JsonNode load(String id) {
        String resource = "hookcheck/json/" + id.substring(SCHEMA_PREFIX.length());
        try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no published schema " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plausible instance of {@code schema}: required properties and a few optional ones, the first
     * of an enum, the minimum of a range. Not always valid (patterns are not honoured): the fuzzer
     * starts from it, and the server decides.
     */
    static JsonNode example(JsonNode schema, String base, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return nodes.nullNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            String id = ref.startsWith("#") ? base + ref : ref;
            return example(schema(id), id.contains("#") ? id.substring(0, id.indexOf('#')) : id, depth + 1);
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(choice)) {
                return example(schema.get(choice).get(0), base, depth + 1);
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("");
        switch (type) {
            case "object": {
                ObjectNode object = nodes.objectNode();
                JsonNode properties = schema.path("properties");
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                for (Iterator<String> it = properties.propertyNames().iterator(); it.hasNext();) {
                    String name = it.next();
                    if (required.contains(name) || required.isEmpty()) {
                        object.set(name, example(properties.get(name), base, depth + 1));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = nodes.arrayNode();
                array.add(example(schema.path("items"), base, depth + 1));
                return array;
            }
            case "integer":
                return nodes.numberNode(schema.path("minimum").asLong(1));
            case "number":
                return nodes.numberNode(schema.path("minimum").asDouble(1));
            case "boolean":
                return nodes.booleanNode(true);
            case "string":
                return nodes.stringNode(switch (schema.path("format").asString("")) {
                    case "uri" -> "https://fuzz.example/hook";
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    default -> "fuzz";
                });
            default:
                return nodes.nullNode();
        }
    }
}
