package dev.hookcheck.cli;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code serve --config FILE}: JSON, or YAML for {@code .yaml}/{@code .yml}, validated against
 * {@code hookcheck/json/config.schema.json} before anything starts.
 *
 * @param file where it was read, for messages
 * @param dfnsUserActions {@code real} or {@code any}, as {@code --dfns-user-actions}
 * @param apiKeys, credentials, endpoints, failures admin API request bodies, applied once the server is up
 */
record SandboxConfig(Path file, Optional<Long> seed, Optional<Integer> events, Optional<Double> timeScale,
        Optional<String> apiKey, Optional<String> dfnsUserActions, List<JsonNode> apiKeys, List<JsonNode> credentials,
        List<JsonNode> endpoints, List<JsonNode> failures) {

    private static final String ID_PREFIX = "https://hookcheck.dev/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:hookcheck/json/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));

    static SandboxConfig none() {
        return new SandboxConfig(null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    /** Reads and validates the file; every problem is one line of the error, with its JSON path. */
    static SandboxConfig load(Path file) {
        JsonNode root = read(file);
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + "config.schema.json"));
        List<Error> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            Set<String> lines = new LinkedHashSet<>();
            for (Error error : errors) {
                lines.add(file + ": " + error.getInstanceLocation() + ": " + withoutLocation(error));
            }
            throw new UsageError(String.join("\n", lines) + "\n" + file + ": does not match the configuration schema"
                    + " (hookcheck/json/config.schema.json); nothing was started");
        }
        return new SandboxConfig(file,
                Optional.ofNullable(root.get("seed")).map(JsonNode::longValue),
                Optional.ofNullable(root.get("events")).map(JsonNode::intValue),
                Optional.ofNullable(root.get("timeScale")).map(JsonNode::doubleValue),
                Optional.ofNullable(root.get("apiKey")).map(JsonNode::stringValue),
                Optional.ofNullable(root.get("dfnsUserActions")).map(JsonNode::stringValue),
                list(root, "apiKeys"), list(root, "credentials"), list(root, "endpoints"), list(root, "failures"));
    }

    private static JsonNode read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? JsonMapper.shared() : YAMLMapper.builder().build();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageError("cannot read the configuration " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageError("cannot read the configuration " + file + ": " + e.getMessage());
        }
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new UsageError(file + ": the configuration is empty; see examples/hookcheck.yaml");
            }
            return root;
        } catch (JacksonException e) {
            throw new UsageError(file + ": not valid " + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + location(e));
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** networknt's message repeats the instance location in front; the line already has it. */
    private static String withoutLocation(Error error) {
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static List<JsonNode> list(JsonNode root, String field) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode array = root.get(field);
        if (array != null) {
            array.forEach(items::add);
        }
        return List.copyOf(items);
    }
}
