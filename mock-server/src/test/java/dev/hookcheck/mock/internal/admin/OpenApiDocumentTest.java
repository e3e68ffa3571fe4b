package dev.hookcheck.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.Schemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The server's OpenAPI document ({@code hookcheck/openapi.json}) is consistent and matches the server. */
class OpenApiDocumentTest {
    /**
     * The paths whose routes exist in this branch. The dialect routes arrive from other branches:
     * widen this to {@code List.of("/")} once they are merged.
     */
    static final List<String> ROUTED_PATH_PREFIXES = List.of("/");

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final JsonNode DOCUMENT = PublishedFiles.json("hookcheck/openapi.json");

    private static AdminClient admin;

    @BeforeAll
    static void start() {
        admin = AdminClient.start();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    record Operation(String path, String method, JsonNode node, JsonNode pathItem) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : DOCUMENT.get("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(path.getKey(), method, path.getValue().get(method), path.getValue()));
                }
            }
        }
        return operations;
    }

    private static Set<String> refs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (child.getKey().equals("$ref") && child.getValue().isString()) {
                    into.add(child.getValue().stringValue());
                } else {
                    refs(child.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> refs(child, into));
        }
        return into;
    }

    private static List<String> publishedSchemaRefs() {
        return refs(DOCUMENT, new LinkedHashSet<>()).stream().filter(r -> r.startsWith(Schemas.ID_PREFIX)).toList();
    }

    private static void assertPublished(List<String> refs) {
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            String file = ref.substring(Schemas.ID_PREFIX.length()).replaceFirst("#.*", "");
            String resource = "hookcheck/json/" + file;
            assertThat(PublishedFiles.exists(resource)).as("%s is published as %s", ref, resource).isTrue();
            assertThat(PublishedFiles.json(resource).get("$id").stringValue()).as("$id of %s", resource)
                    .isEqualTo(Schemas.ID_PREFIX + file);
        }
    }

    @Test
    void isAnOpenApi31Document() {
        assertThat(DOCUMENT.get("openapi").stringValue()).startsWith("3.1");
        assertThat(DOCUMENT.at("/info/title").stringValue()).isNotBlank();
        assertThat(DOCUMENT.at("/info/version").stringValue()).isNotBlank();
    }

    @Test
    void describesTheAdminApiAndTheThreeProviderDialects() {
        Set<String> paths = new HashSet<>(DOCUMENT.get("paths").propertyNames());

        assertThat(paths).contains("/__admin/health", "/__admin/events", "/__admin/endpoints/{id}", "/v1/webhook-events",
                "/v1/webhook-events/{event_id}/deliveries", "/webhooks", "/webhooks/{webhookId}/events/{webhookEventId}",
                "/api/management/webhooks/", "/api/management/webhooks/{id}/deliveries/{delivery_id}/retry/",
                "/api/management/webhooks/{id}/rotate-secret/", "/auth/action/init", "/auth/action",
                "/__admin/credentials", "/__admin/credentials/{id}");
    }

    @Test
    void everyOperationHasAUniqueIdATagAndResponses() {
        Set<String> ids = new HashSet<>();
        for (Operation operation : operations()) {
            assertThat(operation.node().path("responses").size()).as("responses of %s", operation).isPositive();
            assertThat(operation.node().path("tags").size()).as("tags of %s", operation).isPositive();
            assertThat(ids.add(operation.node().path("operationId").stringValue(""))).as("unique operationId of %s", operation).isTrue();
        }
    }

    @Test
    void everyPathTemplateParameterIsDeclaredAsARequiredPathParameter() {
        for (Operation operation : operations()) {
            Set<String> declared = new HashSet<>();
            for (JsonNode parameters : List.of(operation.pathItem().path("parameters"), operation.node().path("parameters"))) {
                parameters.forEach(p -> {
                    if (p.path("in").stringValue("").equals("path")) {
                        assertThat(p.path("required").booleanValue()).as("%s in %s is required", p.get("name"), operation).isTrue();
                        declared.add(p.get("name").stringValue());
                    }
                });
            }
            Set<String> templated = new HashSet<>();
            Matcher m = TEMPLATE.matcher(operation.path());
            while (m.find()) {
                templated.add(m.group(1));
            }
            assertThat(declared).as("path parameters of %s", operation).isEqualTo(templated);
        }
    }

    @Test
    void everyLocalRefResolves() {
        for (String ref : refs(DOCUMENT, new LinkedHashSet<>())) {
            if (ref.startsWith("#")) {
                assertThat(DOCUMENT.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
            }
        }
    }

    @Test
    void everyAdminSchemaRefNamesAPublishedAdminSchema() {
        assertPublished(publishedSchemaRefs().stream().filter(r -> r.startsWith(Schemas.ID_PREFIX + "admin/")).toList());
    }

    @Test
    void everySchemaRefNamesAPublishedSchema() {
        assertPublished(publishedSchemaRefs());
    }

    @Test
    void everyOperationResponseSchemaIsAPublishedSchema() {
        for (Operation operation : operations()) {
            for (JsonNode response : operation.node().get("responses")) {
                JsonNode resolved = response.has("$ref") ? DOCUMENT.at(response.get("$ref").stringValue().substring(1)) : response;
                JsonNode schema = resolved.path("content").path("application/json").path("schema");
                if (!schema.isMissingNode() && !operation.path().equals("/__admin/openapi.json")) {
                    List<JsonNode> alternatives = schema.has("anyOf") ? schema.get("anyOf").valueStream().toList() : List.of(schema);
                    alternatives.forEach(a -> assertThat(a.path("$ref").stringValue("")).as("response schema of %s", operation)
                            .startsWith(Schemas.ID_PREFIX));
                }
            }
        }
    }

    @Test
    void everyRoutedOperationReachesAHandler() {
        List<Operation> routed = operations().stream()
                .filter(o -> ROUTED_PATH_PREFIXES.stream().anyMatch(o.path()::startsWith)).toList();
        assertThat(routed).isNotEmpty();
        for (Operation operation : routed) {
            String path = TEMPLATE.matcher(operation.path()).replaceAll("x");
            String method = operation.method().toUpperCase();
            AdminClient.Reply reply = admin.send(method, path, Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null);

            assertThat(reply.status()).as("%s answered %s", operation, reply.body()).isNotEqualTo(405);
            assertThat(reply.body()).as("%s", operation).doesNotContain("no route ");
        }
    }

    private static List<String> enumOf(JsonNode node) {
        return node.get("enum").valueStream().map(JsonNode::stringValue).toList();
    }

    private static JsonNode parameter(String path, String method, String name) {
        for (JsonNode p : DOCUMENT.get("paths").get(path).get(method).get("parameters")) {
            if (p.get("name").stringValue().equals(name)) {
                return p.get("schema");
            }
        }
        throw new AssertionError("no parameter " + name + " on " + method + " " + path);
    }

    @Test
    void theEnumsMatchTheProfiles() {
        // profile parameters refer to the one list of profile names (AdminSchemasTest checks that list)
        assertThat(parameter("/__admin/organizations", "get", "profile").path("$ref").asString(""))
                .isEqualTo("https://hookcheck.dev/schemas/profile-name.schema.json");
        assertThat(parameter("/__admin/events", "get", "profile").path("$ref").asString(""))
                .isEqualTo("https://hookcheck.dev/schemas/profile-name.schema.json");
        assertThat(enumOf(parameter("/v1/webhook-events", "get", "event_name")))
                .containsExactlyInAnyOrderElementsOf(Profiles.get("vitable").events().names());
        assertThat(enumOf(parameter("/v1/webhook-events", "get", "resource_type")))
                .containsExactlyInAnyOrderElementsOf(Profiles.get("vitable").events().resourceTypes());
        assertThat(enumOf(parameter("/webhooks/{webhookId}/events", "get", "kind")))
                .containsExactlyInAnyOrderElementsOf(Profiles.get("dfns").events().names());
        assertThat(enumOf(DOCUMENT.at("/paths/~1api~1management~1webhooks~1/post/requestBody/content/application~1json/schema/properties/events/items")))
                .containsExactlyInAnyOrderElementsOf(Profiles.get("preo").events().names());
    }

    @Test
    void theAdminApiNeedsNoAuthAndTheDialectsDo() {
        for (Operation operation : operations()) {
            JsonNode security = operation.node().get("security");
            assertThat(security).as("security of %s", operation).isNotNull();
            if (operation.path().startsWith("/__admin/")) {
                assertThat(security.isEmpty()).as("security of %s", operation).isTrue();
            } else {
                assertThat(security.isEmpty()).as("security of %s", operation).isFalse();
                security.forEach(requirement -> requirement.propertyNames().forEach(scheme -> assertThat(
                        DOCUMENT.at("/components/securitySchemes/" + scheme).isMissingNode()).as(scheme).isFalse()));
            }
        }
    }

    @Test
    void dfnsAsksForAUserActionOnMutatingCallsOnly() {
        for (Operation operation : operations()) {
            if (operation.path().startsWith("/webhooks")) {
                boolean userAction = operation.node().get("security").get(0).has("dfnsUserAction");
                assertThat(userAction).as("X-DFNS-USERACTION on %s", operation).isEqualTo(!operation.method().equals("get"));
            }
        }
    }
}
