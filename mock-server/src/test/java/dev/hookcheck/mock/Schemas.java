package dev.hookcheck.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates response bodies against the published JSON Schemas ({@code schemas/json/}, on the
 * classpath under {@code hookcheck/json/}). Schema {@code $id}s start with
 * {@code https://hookcheck.dev/schemas/}, which maps to that folder, so cross-file {@code $ref}s
 * resolve offline.
 */
public final class Schemas {
    public static final String ID_PREFIX = "https://hookcheck.dev/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:hookcheck/json/")));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {}

    /** Asserts that {@code json} is valid under {@code schemas/json/<path>}, e.g. {@code vitable/webhook-event-list.schema.json}. */
    public static void assertValid(String path, String json) {
        Schema schema = CACHE.computeIfAbsent(path, p -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + p)));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).as("%s against %s", abbreviate(json), path).isEmpty();
    }

    private static String abbreviate(String json) {
        return json.length() > 600 ? json.substring(0, 600) + "…" : json;
    }
}
